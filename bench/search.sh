#!/usr/bin/env bash
# Race against exhaustive search on one machine: the bundled example with its 24-profile matrix
# (-Psearch: LTO x codegen units x opt-level x panic), measured exhaustively and by a race
# (-Dctime.search=race), RUNS times, alternating which goes first. For each pair it prints the CPU
# each spent (user + system of Maven and every process it started, from GNU time), their wall times,
# the builds each ran, and whether the race's recommendation is the exhaustive search's or one it
# calls equivalent (where the exhaustive search is undecided: one of its contenders).
#
#   bench/search.sh [RUNS]          (default 3; needs `mvn install -DskipTests` first; about 12 min a pair here)
#   bench/search.sh report [RUNS]   the table again from the last measurements, measuring nothing
#   CTIME_SEARCH_POM=path/pom.xml CTIME_SEARCH_ARGS='-Dctime.matrix…' bench/search.sh [RUNS]
#                                   another project and matrix (its own output folder, target/search-bench)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
report_only=false
if [ "${1:-}" = report ]; then report_only=true; shift; fi
runs="${1:-3}"
pom="${CTIME_SEARCH_POM:-$root/examples/kernels-demo/pom.xml}"
args="${CTIME_SEARCH_ARGS:--Psearch}"
out="$(dirname "$(readlink -f "$pom")")/target/search-bench"
[ -d "$HOME/.cargo/bin" ] && export PATH="$HOME/.cargo/bin:$PATH"
if ! $report_only; then
  rm -rf "$out"
  mkdir -p "$out"
fi

measure() { # run, search
  local dir="$out/run-$1/$2"
  mkdir -p "$dir"
  # shellcheck disable=SC2086
  /usr/bin/time -f "%U %S %e" -o "$dir/time.txt" mvn -B -q -f "$pom" $args ctime:measure \
    -Dctime.search="$2" -Dctime.outputDirectory="$dir/ctime" -Dctime.historyFile="$dir/history.jsonl" > "$dir/build.log" 2>&1
}

if ! $report_only; then
  for i in $(seq 1 "$runs"); do
    if [ $((i % 2)) -eq 1 ]; then measure "$i" exhaustive; measure "$i" race; else measure "$i" race; measure "$i" exhaustive; fi
  done
fi

python3 - "$out" "$runs" <<'PY'
import json, os, sys
out, runs = sys.argv[1], int(sys.argv[2])
def load(i, s):
    d = os.path.join(out, "run-%d" % i, s)
    user, system, wall = (float(x) for x in open(os.path.join(d, "time.txt")).read().split()[-3:])
    rep = json.load(open(os.path.join(d, "ctime", "report.json")))
    # Every profile's first build (it made a library), its timed builds and its two analysis builds where it had them.
    builds = sum((1 if p.get("artifactBytes") else 0) + sum(f["cpuMs"]["runs"] for f in (p.get("compile") or {}).values())
                 + (2 if p.get("analysis") else 0) for p in rep["profiles"])
    return user + system, wall, builds, rep
print("| run | exhaustive CPU | race CPU | race / exhaustive | wall (exh. / race) | builds (exh. / race) | exhaustive recommends | race recommends | same, equivalent or within the bounds |")
print("|---|---|---|---|---|---|---|---|---|")
ratios, same = [], 0
for i in range(1, runs + 1):
    ec, ew, eb, ex = load(i, "exhaustive")
    rc, rw, rb, ra = load(i, "race")
    d, e = ex["decision"], ra["decision"]
    # The race's pick is right where it is the exhaustive search's, one that search calls equivalent, or one whose extra
    # cost by the exhaustive search's estimates lies within the two searches' stated bounds (each a 95% worst case).
    cost = lambda p: p["buildMs"]["median"] + d["expectedCalls"] * p["runNs"]["median"] * 1e-6
    pts = {p["profile"]: p for p in d["points"]}
    ex_says = d["recommended"] + " (bound %s)" % ("unbounded" if (d.get("bound") or {}).get("ms") is None else "%.0f ms" % d["bound"]["ms"])
    extra = cost(pts[e["recommended"]]) - cost(pts[d["recommended"]]) if e["recommended"] in pts else float("inf")
    bms = lambda x: float("inf") if (x.get("bound") or {}).get("ms") is None else x["bound"]["ms"]
    within = bms(e) + bms(d)
    ok = e["recommended"] == d["recommended"] or e["recommended"] in (d.get("equivalent") or []) or extra <= within
    same += ok
    ratios.append(rc / ec)
    print("| %d | %.0f s | %.0f s | %.2f | %.0f s / %.0f s | %d / %d | %s | %s | %s |" % (i, ec, rc, rc / ec, ew, rw, eb, rb, ex_says,
          "%s (bound %s; %+.0f ms by the exhaustive estimates)" % (e["recommended"], "unbounded" if (e.get("bound") or {}).get("ms")
          is None else "%.0f ms" % e["bound"]["ms"], extra), "yes" if ok else "NO"))
print()
print("race / exhaustive CPU: mean %.2f, worst %.2f; the race's recommendation the same, equivalent or within the stated"
      " bounds in %d of %d runs"
      % (sum(ratios) / len(ratios), max(ratios), same, runs))
PY
