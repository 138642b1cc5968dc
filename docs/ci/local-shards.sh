#!/usr/bin/env bash
# Runs the CI recipe on one machine: N shards as N separate Maven processes, each writing its own
# artifact directory (as N CI jobs upload theirs), then the merge job over those directories, and
# for comparison one unsharded run of the same suite. Prints the wall time of each process.
#
#   docs/ci/local-shards.sh <project dir> [N] [extra Maven arguments...]
#
# Shards run one after the other: on one machine JMH's lock lets only one measure at a time
# (the plugin waits for it), so running them at once would not be faster. On N agents the wall
# time is that of the slowest shard plus the merge.
set -euo pipefail
project=$(cd "$1" && pwd); shift
n=${1:-3}; [ $# -gt 0 ] && shift
mvn=${MVN:-mvn}
work="$project/target/local-shards"
rm -rf "$work"; mkdir -p "$work/artifacts"

timed() { # name, then the command; prints "name seconds exit-code"
  local name=$1; shift
  local start end status=0
  start=$(date +%s.%N)
  "$@" > "$work/$name.log" 2>&1 || status=$?
  end=$(date +%s.%N)
  printf '%-10s %7.1f s  exit %d  (%s)\n' "$name" "$(echo "$end - $start" | bc)" "$status" "$work/$name.log"
}

timed unsharded $mvn -B -f "$project/pom.xml" verify -Dbudget.failOnViolation=false \
  -Dbudget.outputDirectory="$work/unsharded" "$@"
for k in $(seq 1 "$n"); do
  timed "shard-$k" $mvn -B -f "$project/pom.xml" verify -Dbudget.shard="$k/$n" \
    -Dbudget.outputDirectory="$work/artifacts/shard-$k" "$@"
done
timed merge $mvn -B -f "$project/pom.xml" budget:merge -Dbudget.shards="$work/artifacts" \
  -Dbudget.outputDirectory="$work/merged" "$@"
grep -h "checks:" "$work/unsharded.log" "$work/merge.log" | sed 's/^\[INFO\] //' || true
