package dev.ctime.model;

/**
 * One function and its copies in unoptimised LLVM IR, as cargo-llvm-lines counts them.
 *
 * @param share of all IR lines in function bodies
 * @param function the function, demangled, its generic copies together
 * @param lines its LLVM IR lines, copies together
 * @param copies how many copies (monomorphisations) rustc emitted
 */
public record FunctionLines(String function, int lines, int copies, double share) {
}
