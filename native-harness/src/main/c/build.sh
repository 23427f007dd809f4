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
