package dev.ctime.model;

/**
 * What else ran during a build.
 * @param otherCpuShare share of the machine's CPU capacity used by other processes during the build
 * @param stealShare    share lost to the hypervisor
 */
public record Interference(double otherCpuShare, double stealShare) {
    /** Another process used a tenth of the machine, or the hypervisor took a twentieth. */
    public boolean disturbed() {
        return otherCpuShare > 0.10 || stealShare > 0.05;
    }
}
