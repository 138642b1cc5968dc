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

# Maven's log with times, so that the time spent waiting for another build's JMH (the machine-wide
# lock) can be told apart from the shard's own time.
stamps=(-Dorg.slf4j.simpleLogger.showDateTime=true -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS)

timed() { # name, then the command; prints wall time, time waiting for JMH's lock, the rest, exit code
  local name=$1; shift
  local start end status=0 wait
  start=$(date +%s.%N)
  "$@" "${stamps[@]}" > "$work/$name.log" 2>&1 || status=$?
  end=$(date +%s.%N)
  # a wait lasts from the plugin's "holds JMH's lock" line to the next line it logs
  wait=$(awk '
    function secs(t) { split(t, a, ":"); return a[1] * 3600 + a[2] * 60 + a[3] }
    waiting { total += secs($1) - since; waiting = 0 }
    /holds JMH.s lock file/ { since = secs($1); waiting = 1 }
    END { printf "%.1f", total }' "$work/$name.log")
  printf '%-10s wall %7.1f s  waiting for the JMH lock %6.1f s  own %7.1f s  exit %d\n' "$name" \
    "$(echo "$end - $start" | bc)" "$wait" "$(echo "$end - $start - $wait" | bc)" "$status"
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
