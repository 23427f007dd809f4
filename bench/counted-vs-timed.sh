#!/usr/bin/env bash
# How often the counted ranking (estimated cycles under Cachegrind's simulated caches, and instructions) agrees with
# the timed one, across crates: every pair of profiles whose timed kernel figure differs significantly (the report's
# comparisons against the reference: better or worse) is a question with a timed answer; the counts answer it too, by
# the sign of their ratio. Agreement is what share of those answers match, where the count sees a difference beyond the
# threshold at all (where it does not, the clock saw what a count cannot: code placement, say). Pairs the timing could
# not separate are counted apart: they are where the decision may read the counts instead.
#
#   bench/counted-vs-timed.sh CRATE_POM...   (each a Maven project whose ctime:measure names its kernels; needs
#                                             `mvn install -DskipTests` first and Valgrind)
#   bench/counted-vs-timed.sh report DIR...  the table again from reports already measured (DIR/ctime/report.json)
set -euo pipefail
[ -d "$HOME/.cargo/bin" ] && export PATH="$HOME/.cargo/bin:$PATH"
out="${CTIME_BENCH_OUT:-$(pwd)/target/counted-bench}"
dirs=()
if [ "${1:-}" = report ]; then
  shift
  dirs=("$@")
else
  mkdir -p "$out"
  for pom in "$@"; do
    name="$(basename "$(dirname "$(readlink -f "$pom")")")"
    dir="$out/$name"
    rm -rf "$dir"
    mkdir -p "$dir"
    mvn -B -q -f "$pom" ctime:measure -Dctime.instructions=auto -Dctime.outputDirectory="$dir/ctime" \
      -Dctime.historyFile="$dir/history.jsonl" > "$dir/build.log" 2>&1 || { echo "$name: ctime:measure failed, see $dir/build.log"; continue; }
    dirs+=("$dir")
  done
fi

python3 - "${dirs[@]}" <<'PY'
import json, os, sys
print("| crate | profiles | timed differences | estimated cycles agree | of which the count sees no difference | instructions agree | timed inconclusive (cycles then decide) |")
print("|---|---|---|---|---|---|---|")
total = {"n": 0, "cyc": 0, "ins": 0, "tie": 0}
for d in sys.argv[1:]:
    rep = json.load(open(os.path.join(d, "ctime", "report.json")))
    cs = {(c["profile"], c["figure"]): c for c in rep.get("comparisons", [])}
    n = cyc = ins = open_ = tie = 0
    for (p, fig), c in cs.items():
        if not fig.startswith("kernel:") or not fig.endswith("Ns") or c.get("basis") != "timed":
            continue
        base = fig[:-2]
        cy, it = cs.get((p, base + "Cycles")), cs.get((p, base + "Instructions"))
        if cy is None or it is None:
            continue
        if c["verdict"] in ("better", "worse"):
            n += 1
            faster = c["ratio"] < 1
            # A count the same on both sides within the threshold (the same instructions, the same simulated misses) is no
            # answer: the clock saw what a count cannot (code placement, frequency), and it is counted apart.
            if cy["verdict"] == "equivalent":
                tie += 1
            else:
                cyc += (cy["ratio"] < 1) == faster
                ins += (it["ratio"] < 1) == faster
        elif c["verdict"] == "inconclusive":
            open_ += 1
    total["n"] += n; total["cyc"] += cyc; total["ins"] += ins; total["tie"] += tie
    share = lambda k, of: "%d of %d (%.0f%%)" % (k, of, 100.0 * k / of) if of else "none to check"
    print("| %s | %d | %d | %s | %d | %s | %d |" % (os.path.basename(d.rstrip("/")), len(rep["profiles"]), n, share(cyc, n - tie),
          tie, share(ins, n - tie), open_))
n, tie = total["n"], total["tie"]
if n:
    print("\nAll crates: where the count sees a difference, estimated cycles point the way the clock does in %d of %d (%.0f%%),"
          " instructions in %d (%.0f%%); in %d more the count sees none." % (total["cyc"], n - tie, 100.0 * total["cyc"] / max(1, n - tie),
          total["ins"], 100.0 * total["ins"] / max(1, n - tie), tie))
PY
