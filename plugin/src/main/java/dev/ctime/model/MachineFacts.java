package dev.ctime.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The machine that measured, as a reader of the figures needs it.
 *
 * @param hardwareCounters "available", or why instructions cannot be counted by perf here
 * @param java             the JVM's version (the kernel forks run on it)
 * @param os operating system and kernel version
 * @param arch CPU architecture
 * @param cpus logical CPUs the JVM sees
 * @param cpuModel the CPU's model name
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MachineFacts(String os, String arch, Integer cpus, String cpuModel, String hardwareCounters, String java) {
}
