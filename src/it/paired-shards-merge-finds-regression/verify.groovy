import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def json = new JsonSlurper()
def names = { file -> json.parse(file).collect { it.benchmark } as Set }

// Each shard paired its own benchmark, on both sides, and nothing else.
def parts = (1..2).collect { names(new File(basedir, "target/shards/shard-$it/results.json")) }
def baselines = (1..2).collect { names(new File(basedir, "target/shards/shard-$it/baseline-results.json")) }
assert parts.every { it.size() == 1 }: "one benchmark per shard: $parts"
assert parts[0] + parts[1] == ['it.WorkBenchmark.work', 'it.WorkBenchmark.steady'] as Set
assert baselines == parts: "each shard measured the baseline code of its own benchmark: $baselines vs $parts"
assert (log =~ /Paired mode against git:HEAD~1 \(commit [0-9a-f]{12}\)/).count == 2
assert log =~ /Shard 1\/2 done: \d+ provisional failure\(s\)/
assert log =~ /Shard 2\/2 done: \d+ provisional failure\(s\)/

// The merge judged both shards' pairs as one paired run and failed on the slower benchmark only.
assert log =~ /Merged 2 shards of 2: \d+ result\(s\) of 2 unit\(s\)/
assert log =~ /regression WorkBenchmark\.work \(avgt\): WorkBenchmark\.work \(avgt\) is [0-9.,]+% slower than the baseline code/
def report = json.parse(new File(basedir, 'target/budget/report.json'))
def regressions = report.checks.findAll { it.kind == 'REGRESSION' }
assert regressions.size() == 2: "a regression check per benchmark: ${regressions.collect { it.benchmark }}"
def work = regressions.find { it.benchmark.startsWith('it.WorkBenchmark.work') }
def steady = regressions.find { it.benchmark.startsWith('it.WorkBenchmark.steady') }
assert work.verdict == 'FAIL'
assert work.slowdown.low > 0.10
assert work.slowdown.estimate > 0.15 && work.slowdown.estimate < 0.50
assert steady.verdict != 'FAIL'
assert report.paired.baselineSource.startsWith('git:HEAD~1 (commit ')
assert report.paired.pairs.collect { it.benchmarks }.flatten().toSet().size() == 2: "pairs of both shards in the merged run"
return true
