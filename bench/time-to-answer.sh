#!/usr/bin/env bash
# Time to an answer: the README's main job (ctime:measure on the bundled example, default settings), RUNS times on the
# machine as it is and RUNS times with BUSY processes spinning beside it (each `yes > /dev/null`, the kind of load a
# shared CI runner or a laptop has). For each run: the time to its "answer:" line (the decision, before the untimed
# analysis builds that follow it), the whole run's wall time, the verdict's profile, settled or bounded, and the bound.
#
#   bench/time-to-answer.sh [RUNS] [BUSY]   (default 1 and 2; needs `mvn install -DskipTests` first)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-1}"
busy="${2:-2}"
example="$root/examples/kernels-demo"
out="$example/target/answer-bench"
[ -d "$HOME/.cargo/bin" ] && export PATH="$HOME/.cargo/bin:$PATH"
rm -rf "$out"
mkdir -p "$out"

measure() { # label
  local dir="$out/$1"
  mkdir -p "$dir"
  local start end
  start=$(date +%s)
  # Each line after the seconds since the start, so the answer's time can be read off.
  mvn -B -f "$example/pom.xml" ctime:measure -Dctime.outputDirectory="$dir/ctime" -Dctime.historyFile="$dir/history.jsonl" 2>&1 \
    | while IFS= read -r line; do printf '%d %s\n' $(($(date +%s) - start)) "$line"; done > "$dir/build.log" || true
  end=$(date +%s)
  echo $((end - start)) > "$dir/seconds.txt"
  (grep -m1 'ctime: answer:' "$dir/build.log" || echo "$((end - start))") | cut -d' ' -f1 > "$dir/answer-seconds.txt"
  # An answer settled by timing comes before the instruction counts; where they change it, the run says so.
  (grep -c 'ctime: answer, revised' "$dir/build.log" || true) > "$dir/revised.txt"
}

for i in $(seq 1 "$runs"); do
  measure "quiet-$i"
  pids=()
  for _ in $(seq 1 "$busy"); do yes > /dev/null & pids+=($!); done
  measure "busy-$i" || true
  kill "${pids[@]}" 2>/dev/null || true
done

python3 - "$out" <<'PY'
import json, os, sys
out = sys.argv[1]
print("| run | to the answer | whole run | verdict | status | bound per build | share of its cost | revised after the answer |")
print("|---|---|---|---|---|---|---|---|")
mins = lambda s: "%d min %d s" % (s // 60, s % 60)
for d in sorted(os.listdir(out)):
    p = os.path.join(out, d)
    s = int(open(os.path.join(p, "seconds.txt")).read())
    a = int(open(os.path.join(p, "answer-seconds.txt")).read())
    try:
        dec = json.load(open(os.path.join(p, "ctime", "report.json")))["decision"]
    except (OSError, ValueError, KeyError):
        print("| %s | %s | %s | (no report: see %s/build.log) | | | | |" % (d, mins(a), mins(s), p)); continue
    try:
        revised = "yes" if int(open(os.path.join(p, "revised.txt")).read().strip() or 0) > 0 else "no"
    except (OSError, ValueError):
        revised = ""
    b = dec.get("bound") or {}
    ms = b.get("ms")
    print("| %s | %s | %s | %s | %s | %s | %s | %s |" % (d, mins(a), mins(s), dec.get("recommended"), b.get("status"),
          "unbounded" if ms is None else "%.0f ms" % ms, "" if b.get("share") is None else "%.2f%%" % (100 * b["share"]),
          revised))
PY
