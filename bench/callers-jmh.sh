#!/usr/bin/env bash
# ctime's calls from Java against JMH: ctime:measure times the bundled example's kernels through every binding (its
# report.json's callers), then JMH (bench/callers-jmh) times the same primal calls of the same library, binding by
# binding, at two sizes. Prints both figures and their ratio per kernel, size, binding and data placement.
#
#   bench/callers-jmh.sh [JDK_HOME]   (a JDK 22 or newer, default the newest in /usr/lib/jvm; needs `mvn install -DskipTests`)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
jdk="${1:-$(for d in /usr/lib/jvm/*/; do v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$d/release" 2>/dev/null); \
  [ -n "$v" ] && [ "$v" -ge 22 ] && [ -x "$d/bin/javac" ] && echo "$v ${d%/}"; done | sort -n | tail -1 | cut -d' ' -f2)}"
[ -n "$jdk" ] || { echo "no JDK 22 or newer found: pass its home" >&2; exit 1; }
[ -d "$HOME/.cargo/bin" ] && export PATH="$HOME/.cargo/bin:$PATH"
out="$root/examples/kernels-demo/target/callers-jmh"
rm -rf "$out"
mkdir -p "$out"
cp -r "$root/examples/kernels-demo/pom.xml" "$root/examples/kernels-demo/src" "$out/"

echo "ctime: timing the example's release profile, calls from Java on $jdk"
mvn -B -q -f "$out/pom.xml" ctime:measure -Dctime.profiles=release -Dctime.jdk="$jdk" -Dctime.instructions=off \
  > "$out/ctime.log" 2>&1 || { tail -30 "$out/ctime.log"; exit 1; }
lib="$out/target/ctime/profiles/release/lib/libdemo_kernels.so"
[ -f "$lib" ] || { echo "no library at $lib" >&2; exit 1; }

echo "jmh: the same calls of $lib"
bench="$root/bench/callers-jmh"
JAVA_HOME="$jdk" mvn -B -q -f "$bench/pom.xml" package dependency:build-classpath -Dmdep.outputFile="$out/cp.txt" > "$out/jmh-build.log" 2>&1 \
  || { tail -30 "$out/jmh-build.log"; exit 1; }
"$jdk/bin/java" -cp "$bench/target/classes:$(cat "$out/cp.txt")" org.openjdk.jmh.Main CallBench -f 2 -wi 3 -w 200ms -i 5 -r 200ms \
  -jvmArgsAppend "--enable-native-access=ALL-UNNAMED -Dbench.library=$lib" -rf json -rff "$out/jmh.json" > "$out/jmh.log" 2>&1 \
  || { tail -30 "$out/jmh.log"; exit 1; }

python3 - "$out/target/ctime/report.json" "$out/jmh.json" <<'PY'
import json, re, sys
report, jmh = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
ctime = {(c['kernel'], c['n'], c['binding'], c['data']): c for c in report.get('callers', []) if c['function'] == 'primal'}
names = {'jna': 'jna', 'jnaDirect': 'jna-direct', 'jni': 'jni', 'ffm': 'ffm', 'ffmCritical': 'ffm-critical'}
print('| kernel | n | binding | data | JMH ns/call (99.9%) | ctime ns/call (95%) | JMH / ctime |')
print('| --- | --: | --- | --- | --: | --: | --: |')
for b in jmh:
    m = re.match(r'.*\.(jna|jnaDirect|jni|ffm|ffmCritical)(OffHeap|Array)$', b['benchmark'])
    kernel, n = b['params']['kernel'], int(b['params']['n'])
    binding, data = names[m.group(1)], 'off-heap' if m.group(2) == 'OffHeap' else 'array'
    s = b['primaryMetric']
    c = ctime.get((kernel, n, binding, data))
    cs = c and c.get('callNs')
    ratio = '%.2f' % (s['score'] / cs['median']) if cs else '-'
    cell = '%.1f (%.1f–%.1f)' % (cs['median'], cs['ciLow'], cs['ciHigh']) if cs else (c or {}).get('missing', 'not timed')
    print('| %s | %d | %s | %s | %.1f ± %.1f | %s | %s |' % (kernel, n, binding, data, s['score'], s['scoreError'], cell, ratio))
PY
