#!/bin/sh
# Runs every unit-test binary under $BUILD/tests and the CLI tests, then prints
# "N passed, N failed" as the closing line. Exit status non-zero if any failed.
BUILD=${BUILD:-build}
pass=0; fail=0; failed=""
for t in $(find "$BUILD/tests" -type f -perm -u+x | sort); do
  if "$t" >"$t.log" 2>&1; then pass=$((pass+1)); else fail=$((fail+1)); failed="$failed $t"; fi
  grep -E '^\[ +(PASSED|FAILED|SKIPPED) +\]|^skip:' "$t.log" | sed "s|^|  $(basename "$t"): |" | head -20
done
for t in tests/cli/*.sh tests/hostile/[a-z]*.sh tests/scale/*.sh; do
  case "$t" in */lib.sh) continue ;; esac
  [ -f "$t" ] || continue
  if DYAD="$BUILD/dyad" sh "$t" >"$BUILD/$(basename "$t").log" 2>&1; then pass=$((pass+1)); echo "  $(basename "$t"): ok"
  else fail=$((fail+1)); failed="$failed $t"; fi
done
for f in $failed; do echo "---- FAILED: $f"; tail -40 "$f.log" 2>/dev/null || tail -40 "$BUILD/$(basename "$f").log"; done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
