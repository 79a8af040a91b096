#!/usr/bin/env bash
# The main command of eventcontracts.
#
#   ./demo.sh              the demo: Kafka + the schema registry start in one JVM, the contracts are registered
#                          (v1, then v2), the order service produces as v1 and as v2, the order-processing service
#                          consumes (on v2, and a second one still on v1), a summary is printed, everything stops.
#   ./demo.sh stack        the dev stack alone: Kafka on localhost:9092 and the registry on http://localhost:8081,
#                          topics created and contracts registered, until Ctrl-C (options: ./demo.sh stack --help).
#   ./demo.sh --help       the demo's options (e.g. --events-per-version, or --bootstrap-servers and
#                          --schema-registry-url to run against docker-compose.registry.yml).
#
# Needs only a JDK 17+ and Maven 3.8+: it first builds what it needs (tests skipped), then runs without Maven.
set -euo pipefail
cd "$(dirname "$0")"

main=dev.eventcontracts.demo.DemoCommand
if [[ "${1:-}" == "stack" ]]; then
  main=dev.eventcontracts.demo.StackCommand
  shift
fi

echo "Building the demo and the modules it uses (mvn -q -pl demo -am package, tests skipped)..." >&2
start=$(date +%s)
mvn -B -q -pl demo -am package -Dmaven.test.skip=true 1>&2
echo "Built in $(( $(date +%s) - start )) s." >&2

jar=$(ls demo/target/demo-*.jar | grep -v -e '-sources' -e '-tests' | head -1)
exec java -cp "$jar:$(cat demo/target/classpath.txt)" "$main" "$@"
