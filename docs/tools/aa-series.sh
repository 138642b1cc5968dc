#!/bin/bash
# A/A series of one benchmark on the two classpaths of a paired build, to see whether a side stays slow
# within a build: SERIES series of ROUNDS rounds, each round one JMH fork per side in a random order,
# the quick gate's settings. Prints each series' mean log ratio (current/baseline) and spread.
#
#   docs/tools/aa-series.sh <target/budget/paired of a rehearsal> <benchmark regex> <-p param=value> SERIES ROUNDS
#   docs/tools/aa-series.sh ../ci17/main/sabot-engine-benchmarks/target/budget/paired PipelineBenchmark.latency backend=memory 5 10
set -euo pipefail
PAIRED=$(cd "$1" && pwd); BENCH=$2; PARAM=$3; SERIES=$4; ROUNDS=$5
OUT=$(mktemp -d)
ARGS=$(ls "$PAIRED"/round-1/pair-1/current/fork.args)
for s in $(seq 1 "$SERIES"); do
  for r in $(seq 1 "$ROUNDS"); do
    if [ $((RANDOM % 2)) = 0 ]; then order="c b"; else order="b c"; fi
    for side in $order; do
      sed "s#$PAIRED/classpath/c/#$PAIRED/classpath/$side/#g" "$ARGS" > "$OUT/args-$side"
      java @"$OUT/args-$side" org.openjdk.jmh.Main "$BENCH" -p "$PARAM" -f 1 -wi 2 -w 200ms -i 3 -r 200ms \
        -jvmArgs "-Xms1g -Xmx1g -XX:+AlwaysPreTouch --add-opens=java.base/java.nio=ALL-UNNAMED" \
        -rf json -rff "$OUT/s$s-r$r-$side.json" > "$OUT/s$s-r$r-$side.log" 2>&1
    done
  done
done
python3 - "$OUT" "$SERIES" "$ROUNDS" <<'PY'
import json, math, statistics, sys
out, series, rounds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
score = lambda f: json.load(open(f))[0]["primaryMetric"]["score"]
for s in range(1, series + 1):
    d = [math.log(score(f"{out}/s{s}-r{r}-c.json") / score(f"{out}/s{s}-r{r}-b.json")) for r in range(1, rounds + 1)]
    print(f"series {s}: mean log ratio {statistics.mean(d):+.2f}, sd {statistics.stdev(d):.2f}, ratios",
          " ".join(f"{math.exp(x):.2f}" for x in d))
PY
