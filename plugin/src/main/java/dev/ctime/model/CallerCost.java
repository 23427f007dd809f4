package dev.ctime.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What one call of a kernel function costs a Java caller through one binding with its data in one place, pooled over
 * the forks that timed it (each fork times the calls through one profile's library, beside that library's C loop).
 *
 * @param kernel    the kernel's name
 * @param n         its input size
 * @param function  primal or gradient
 * @param binding   how Java calls it
 * @param data      where the caller's data is
 * @param callNs    ns per call as Java sees it: binding and kernel
 * @param bindingNs the binding's own share: per fork, the call's median less the same library's C-loop median
 * @param profile   the profile whose library was called (the reference's, where it was timed)
 * @param missing   why there is no figure (no JDK 22 or newer for FFM, a kernel too long for a critical call), else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CallerCost(String kernel, int n, String function, Binding binding, Placement data, Summary callNs,
                         Summary bindingNs, String profile, String missing) {
    public Caller caller() {
        return new Caller(binding, data);
    }
}
