#!/usr/bin/env bash
# ctime's clean and edit figures against the same builds timed by hand: for two profiles of a finished run, RUNS
# interleaved clean builds (an empty target folder, then `cargo build` with the exact arguments and environment
# report.json recorded under applied.cargoArgs/env) and RUNS edit-and-rebuilds (a function appended to the crate
# root of ctime's copy, rebuilt, put back), each under GNU time; CPU is user + system of cargo's whole tree. Prints
# both medians per profile, the B/A ratios, and ctime's own.
#
#   bench/by-hand.sh REPORT.json PROFILE_A PROFILE_B [RUNS]     (default 3; needs python3 and /usr/bin/time)
set -euo pipefail
report="$1"; a="$2"; b="$3"; runs="${4:-3}"
[ -d "$HOME/.cargo/bin" ] && export PATH="$HOME/.cargo/bin:$PATH"
python3 - "$report" "$a" "$b" "$runs" <<'PY'
import json, os, re, shutil, statistics, subprocess, sys, tempfile
report, names, runs = json.load(open(sys.argv[1])), sys.argv[2:4], int(sys.argv[4])
crate = report["crate"]["crateName"]
prof = {p["name"]: p for p in report["profiles"]}
work = tempfile.mkdtemp(prefix="ctime-by-hand-")

def command(name):
    ap = prof[name]["applied"]
    args = list(ap["cargoArgs"])
    target = os.path.join(work, name)
    args[args.index("--target-dir") + 1] = target
    env = dict(os.environ)
    for k, v in (ap.get("env") or {}).items():
        if v is None: env.pop(k, None)
        else: env[k] = v
    env.pop("RUSTC_WRAPPER", None)
    manifest = args[args.index("--manifest-path") + 1]
    return ["cargo"] + args, env, target, manifest

def timed(cmd, env):
    out = subprocess.run(["/usr/bin/time", "-f", "CTIME %e %U %S"] + cmd, env=env, capture_output=True, text=True)
    if out.returncode != 0: sys.exit("build failed:\n" + out.stderr[-2000:])
    e, u, s = map(float, re.findall(r"CTIME ([\d.]+) ([\d.]+) ([\d.]+)", out.stderr)[-1])
    return (u + s) * 1000

def root(manifest):
    d = os.path.dirname(manifest)
    for rel in ("src/lib.rs",):
        if os.path.exists(os.path.join(d, rel)): return os.path.join(d, rel)
    sys.exit("no src/lib.rs beside " + manifest)

clean, edit = {n: [] for n in names}, {n: [] for n in names}
for i in range(runs):
    for n in names:
        cmd, env, target, manifest = command(n)
        shutil.rmtree(target, ignore_errors=True)
        clean[n].append(timed(cmd, env))
    for n in names:
        cmd, env, target, manifest = command(n)
        f = root(manifest); src = open(f).read()
        try:
            open(f, "w").write(src + "\n#[allow(dead_code)]\nfn ctime_by_hand_%d() -> u64 { %d }\n" % (i, i))
            edit[n].append(timed(cmd, env))
        finally:
            open(f, "w").write(src)
shutil.rmtree(work, ignore_errors=True)

def med(xs): return statistics.median(xs)
print("| scenario | %s by hand | %s by hand | ratio by hand | ctime's %s | ctime's %s | ctime's ratio |" % (names[0], names[1], names[0], names[1]))
print("|---|---|---|---|---|---|---|")
for sc, by in (("clean", clean), ("edit", edit)):
    mine = [prof[n]["compile"].get(sc, {}).get("cpuMs", {}).get("median") for n in names]
    ha, hb = med(by[names[0]]), med(by[names[1]])
    ratio = "%.2fx" % (mine[1] / mine[0]) if all(mine) else "not measured"
    print("| %s | %.0f ms | %.0f ms | %.2fx | %s | %s | %s |" % (sc, ha, hb, hb / ha,
          "%.0f ms" % mine[0] if mine[0] else "-", "%.0f ms" % mine[1] if mine[1] else "-", ratio))
PY
