#!/usr/bin/env bash
# Sharding simulation: is a matrix measured in N shards and merged with ctime:merge the same
# matrix as one run? Measures the bundled example's profiles once as one run, then as N shards
# (in sequence, each in its own output folder, as N CI runners would), merges the shards, and
# prints every profile's ratio to the anchor (release) from both, with their 95% intervals and
# whether the intervals overlap. One machine stands in for N runners here; on real runners the
# anchor also absorbs the machines' differences.
#
#   bench/shards.sh [N]   (default 3; needs `mvn install -DskipTests` first)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
n="${1:-3}"
example="$root/examples/kernels-demo"
out="$example/target/shards-sim"
[ -d "$HOME/.cargo/bin" ] && export PATH="$HOME/.cargo/bin:$PATH"
common=(-B -q -f "$example/pom.xml" -Dctime.instructions=off -Dctime.historyFile="$out/history.jsonl")

rm -rf "$out"
mvn "${common[@]}" ctime:measure -Dctime.outputDirectory="$out/single"
for i in $(seq 1 "$n"); do
  mvn "${common[@]}" ctime:measure -Dctime.shard="$i/$n" -Dctime.outputDirectory="$out/shard-$i"
done
mvn "${common[@]}" ctime:merge -Dctime.mergeReports="target/shards-sim/shard-*/report.json" -Dctime.outputDirectory="$out/merged"

python3 - "$out/single/report.json" "$out/merged/report.json" <<'PY'
import json, sys
single, merged = (json.load(open(p)) for p in sys.argv[1:3])
def key(c): return (c["profile"], c["figure"])
one = {key(c): c for c in single["comparisons"] if not c["figure"].endswith("Instructions")}
two = {key(c): c for c in merged["comparisons"] if not c["figure"].endswith("Instructions")}
shard = {p: s["index"] for s in merged["merge"]["shards"] for p in s["profiles"] if p != merged["merge"]["anchor"]}
def fmt(c): return "%.2fx (%.2f-%s)" % (c["ratio"], c["ciLow"], "?" if c.get("ciHigh") is None else "%.2f" % c["ciHigh"])
rows, agree = [], 0
for k in sorted(set(one) & set(two)):
    a, b = one[k], two[k]
    overlap = b["ciLow"] <= (a.get("ciHigh") or float("inf")) and a["ciLow"] <= (b.get("ciHigh") or float("inf"))
    agree += overlap
    rows.append((k[0], shard.get(k[0], "-"), k[1], fmt(a), fmt(b), "yes" if overlap else "NO"))
print("| profile | shard | figure | one run, vs release | merged shards, vs own shard's release | intervals overlap |")
print("|---|---|---|---|---|---|")
for r in rows: print("| %s | %s | %s | %s | %s | %s |" % r)
print("\n%d of %d ratios agree within their 95%% intervals" % (agree, len(rows)))
for s in merged["merge"]["shards"]:
    d = s.get("anchorDrift")
    if d: print("shard %d anchor against the others: %s%s" % (s["index"], fmt(d), "" if d["significant"] else " (not significant)"))
PY
