package dev.ctime.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

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
    /**
     * The facts that make two machines different machines, whose figures are not compared as they are (the gate
     * refuses, a merge goes through the shards' anchors and names them): the CPU model, the CPU count and the
     * architecture. The OS, the JVM and the load change between runs of one machine.
     */
    public static final List<String> IDENTITY = List.of("cpuModel", "cpus", "arch");
}
