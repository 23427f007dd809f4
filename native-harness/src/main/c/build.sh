#!/usr/bin/env bash
# Compiles the harness library and the rusage wrapper into the jar's resource folder.
set -euo pipefail
out="$1"
src="$(cd "$(dirname "$0")" && pwd)"
cc="${CC:-gcc}"
command -v "$cc" >/dev/null || { echo "ctime: no C compiler '$cc' on PATH: install gcc (apt-get install gcc) or set CC" >&2; exit 1; }
mkdir -p "$out"
"$cc" -O2 -std=c11 -Wall -Wextra -Werror -shared -fPIC -o "$out/libctimeharness.so" "$src/ctimeharness.c" -ldl
"$cc" -O2 -std=c11 -Wall -Wextra -Werror -o "$out/ctime-rusage" "$src/ctime-rusage.c"
"$cc" -O2 -std=c11 -Wall -Wextra -Werror -o "$out/ctime-count" "$src/ctime-count.c" -ldl
"$cc" -O2 -std=c11 -Wall -Wextra -Werror -o "$out/ctime-guard" "$src/ctime-guard.c"
# The JNI binding needs the JDK's headers: the JDK that runs this build (java.home, passed as $2).
jdk="${2:-${JAVA_HOME:-}}"
[ -f "$jdk/include/jni.h" ] || { echo "ctime: no jni.h under '$jdk/include': build with a JDK, not a JRE (set JAVA_HOME)" >&2; exit 1; }
"$cc" -O2 -std=c11 -Wall -Wextra -Werror -shared -fPIC -I"$jdk/include" -I"$jdk/include/linux" -o "$out/libctimejni.so" "$src/ctime-jni.c"
