#!/usr/bin/env bash
# budget:compare beside budget:help in fresh Maven JVMs, on a small and a large synthetic suite
# (docs/plugin-scale.md, "The floor"). Run from the repository root after:
#   ./mvnw -o -B -q install -N -Dmaven.repo.local=$REPO -Dmaven.repo.local.tail=$HOME/.m2/repository
#   ./mvnw -o -B -q install -pl budget-maven-plugin -DskipTests -Dinvoker.skip=true -Dbudget.skip=true \
#       -Dmaven.repo.local=$REPO -Dmaven.repo.local.tail=$HOME/.m2/repository
#   (cd budget-maven-plugin && java -cp target/test-classes:target/classes:$(cat target/test.classpath) \
#       io.sabot.budget.perf.PhaseTimes 10 /tmp/suite10 1 && java -cp ... PhaseTimes 1000 /tmp/suite1000 1)
# Usage: REPO=/tmp/cmp-repo docs/tools/compare-floor.sh [rounds, default 5]
set -euo pipefail
rounds=${1:-5}
mvn=$(cd "$(dirname "$0")/../.." && pwd)/mvnw
repo=${REPO:?set REPO to the scratch local repository the plugin was installed into}
plugin=io.sabot:budget-maven-plugin:0.1.0-SNAPSHOT
work=$(mktemp -d)
cd "$work"
seconds() {
  local start end
  start=$(date +%s.%N)
  "$@" > "$work/last.log" 2>&1 || { cat "$work/last.log" >&2; exit 1; }
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}
compare() {
  seconds "$mvn" -o -q "-Dmaven.repo.local=$repo" "-Dmaven.repo.local.tail=$HOME/.m2/repository" "$plugin:compare" \
    "-Dbudget.current=/tmp/suite$1/results.json" "-Dbudget.baselineFile=/tmp/suite$1/baseline.json" \
    "-Dbudget.budgetFile=/tmp/suite$1/performance-budgets.yml" "-Dbudget.outputDirectory=$work/out$1" \
    -Dbudget.failOnViolation=false
}
echo "help s, compare 10 s, compare 1000 s"
for _ in $(seq "$rounds"); do
  help=$(seconds "$mvn" -o -q "-Dmaven.repo.local=$repo" "-Dmaven.repo.local.tail=$HOME/.m2/repository" "$plugin:help")
  echo "$help, $(compare 10), $(compare 1000)"
done
