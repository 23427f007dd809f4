#!/usr/bin/env bash
# Fidelity benchmark: are ctime's kernel timings (C harness, called through JNA, in forked JVMs)
# as faithful as a timing loop written inside the Rust crate itself?
#
# Builds the bundled example's kernels in one profile and times them through `ctime:measure`;
# then builds the crate's own in-process loop (src/bin/inproc_bench.rs: black_box, batches of
# >= 1 ms, median of the samples, the same SplitMix64 inputs) in the same profile, lets it time
# the very cdylib ctime timed (so the machine code is the same and only the harness differs),
# and prints both figures per kernel, size and function, with their ratio.
#
# This machine's noise (a shared VM) is larger than the effect being measured, so the two loops
# run in ROUNDS interleaved rounds (ctime, in-crate, ctime, in-crate, ...), and each figure is
# the median over the rounds of each loop's median.
#
#   bench/fidelity.sh [PROFILE] [ROUNDS]   (default: release 5; needs `mvn install -DskipTests` first)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
profile="${1:-release}"
rounds="${2:-5}"
example="$root/examples/kernels-demo"
crate="$example/src/main/rust"
out="$example/target/fidelity"
[ -d "$HOME/.cargo/bin" ] && export PATH="$HOME/.cargo/bin:$PATH"

rm -rf "$out"
measure() {
  mvn -B -q -f "$example/pom.xml" ctime:measure -Dctime.profiles="$profile" -Dctime.forks=1 -Dctime.maxForks=1 -Dctime.samples=20 \
    -Dctime.repeat=1 -Dctime.maxRepeat=1 -Dctime.instructions=off -Dctime.outputDirectory="$out/ctime"
  cp "$out/ctime/report.json" "$out/ctime-$1.json"
}
measure 1
report="$out/ctime/report.json"

# The same cargo arguments ctime applied to the cdylib, for the in-process loop's binary.
mapfile -t args < <(python3 -c '
import json, sys
p = next(p for p in json.load(open(sys.argv[1]))["profiles"] if p["name"] == sys.argv[2])
a = p["applied"]["cargoArgs"]
skip = {"--lib", "--manifest-path", "--target-dir", "--message-format"}
i = 1
while i < len(a):
    if a[i] in skip:
        i += 1 if a[i] == "--lib" else 2
        continue
    print(a[i]); i += 1
' "$report" "$profile")
(cd "$crate" && cargo build -q --bin inproc-bench --target-dir "$out/inproc" "${args[@]}")
sizes=$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print(" ".join(sorted({str(k["n"]) for p in r["profiles"] for k in p.get("kernels") or []}, key=int)))' "$report")
lib=$(ls "$out"/ctime/profiles/"$profile"/lib/*.so)
# The kernels' symbols, from the plan ctime's forks ran.
kernels=$(python3 -c '
import json, sys
print(",".join(":".join((k["name"], k["primal"], k["gradient"])) for k in json.load(open(sys.argv[1]))["kernels"]))
' "$out/ctime/run/fork-1.plan.json")
cp "$lib" "$out/kernels.so"   # ctime rebuilds its copy each round; the in-crate loop times this one
"$out/inproc/ctime/inproc-bench" "$out/kernels.so" 42 1 20 "$kernels" $sizes > "$out/inproc-1.txt"
for r in $(seq 2 "$rounds"); do
  measure "$r"
  "$out/inproc/ctime/inproc-bench" "$out/kernels.so" 42 1 20 "$kernels" $sizes > "$out/inproc-$r.txt"
done

python3 - "$out" "$profile" "$rounds" <<'PY'
import json, statistics, sys
out, profile, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
ctime, rust, overhead = {}, {}, []
for r in range(1, rounds + 1):
    p = next(p for p in json.load(open(f"{out}/ctime-{r}.json"))["profiles"] if p["name"] == profile)
    overhead.append(p["harnessOverheadNs"]["median"])
    for k in p["kernels"]:
        for fn, key in (("primal", "primalNs"), ("gradient", "gradientNs")):
            ctime.setdefault((k["name"], k["n"], fn), []).append(k[key]["median"])
    for line in open(f"{out}/inproc-{r}.txt"):
        k, n, prim, grad = line.split()
        rust.setdefault((k, int(n), "primal"), []).append(float(prim))
        rust.setdefault((k, int(n), "gradient"), []).append(float(grad))
print(f"profile {profile}: ctime (C harness via JNA, forked JVM, 20 samples) against an in-crate Rust loop")
print(f"on the same cdylib and buffer layout; {rounds} interleaved rounds, median of the per-round medians")
print(f"harness overhead (empty kernel): {statistics.median(overhead):.2f} ns per call")
print(f"{'kernel':<12}{'n':>6}  {'function':<9}{'ctime ns':>12}{'in-crate ns':>13}{'ratio':>8}")
ratios = []
for (name, n, fn) in ctime:
    if True:
        c = statistics.median(ctime[(name, n, fn)])
        r = statistics.median(rust[(name, n, fn)])
        ratio = c / r
        if min(c, r) >= 50:
            ratios.append(ratio)
        print(f"{name:<12}{n:>6}  {fn:<9}{c:>12.1f}{r:>13.1f}{ratio:>8.3f}")
if ratios:
    ratios.sort()
    med = ratios[len(ratios) // 2]
    worst = max(ratios, key=lambda x: abs(x - 1))
    print(f"kernels of >= 50 ns: median ratio {med:.3f}, furthest from 1: {worst:.3f} ({len(ratios)} figures)")
PY
