#!/usr/bin/env bash
# Runs one test class of one module N times in a row and prints its failure rate: the way to prove a test is not
# flaky (or to catch it being so) before and after a change.
#
#   scripts/repeat-test.sh <module> <TestClass> [runs=10]
#   scripts/repeat-test.sh registry-server FuzzIT 30
#   scripts/repeat-test.sh avro-serde AvroSerializerTest 20
#
# The module and what it depends on are built once (tests skipped); each run then executes only the chosen class
# with the same plugin configuration `mvn verify` uses (failsafe for *IT, surefire for *Test). Every run's output
# is kept under <module>/target/repeat/<TestClass>/run-<n>.log; the summary names the failed runs and their first
# error line. Exit code: 0 when every run passed, 1 otherwise. REPEAT_SKIP_BUILD=1 skips the build (when the tree
# is already installed, e.g. to repeat many classes in a row).
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ $# -lt 2 || ! -d "$1" ]]; then
  sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
module=$1
test_class=$2
runs=${3:-10}
if ! find "$module/src/test" -name "$test_class.java" | grep -q .; then
  echo "no test class $test_class in $module/src/test" >&2
  exit 2
fi

logs="$module/target/repeat/$test_class"
if [[ ${REPEAT_SKIP_BUILD:-0} != 1 ]]; then
  echo "building $module and what it depends on (tests skipped)…"
  mvn -q -pl "$module" -am install -DskipTests
fi
rm -rf "$logs"
mkdir -p "$logs"

if [[ $test_class == *IT ]]; then
  goals=(failsafe:integration-test failsafe:verify "-Dit.test=$test_class")
else
  goals=(surefire:test "-Dtest=$test_class")
fi

failed=0
failures=()
for ((run = 1; run <= runs; run++)); do
  log="$logs/run-$run.log"
  start=$(date +%s)
  if mvn -pl "$module" "${goals[@]}" -Dsurefire.failIfNoSpecifiedTests=false >"$log" 2>&1; then
    echo "run $run/$runs: passed ($(( $(date +%s) - start )) s)"
  else
    failed=$((failed + 1))
    first_error=$(grep -m1 -E '<<< (FAILURE|ERROR)!|^[a-zA-Z.]+(Exception|Error)' "$log" || true)
    failures+=("run $run: ${first_error:-see $log}")
    echo "run $run/$runs: FAILED ($(( $(date +%s) - start )) s), log: $log"
  fi
done

echo
echo "$module $test_class: $failed failed of $runs runs ($(( failed * 100 / runs ))%)"
for failure in "${failures[@]+"${failures[@]}"}"; do
  echo "  $failure"
done
[[ $failed -eq 0 ]]
