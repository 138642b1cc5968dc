def log = new File(basedir, 'build.log').text
def budget = new File(basedir, 'target/budget')

// The first adaptive round forks exactly the two benchmarks behind the undecided ratio, one fork each.
assert log.contains('[budget] Adaptive round 1 of at most 2: 1 more fork of 2 undecided benchmarks'
        + ' (NoisyBenchmark.left[scale=1] (avgt), NoisyBenchmark.right[scale=1] (avgt))')
def round1 = new File(budget, 'adaptive-1/fork.log').text
assert round1 =~ /# Parameters: \(scale = 1\)/
assert !(round1 =~ /# Parameters: \(scale = 2\)/)
assert !round1.contains('WorkBenchmark')

// The report says which benchmarks got how many forks, how long it took and why it stopped.
// (report.md escapes Markdown's brackets: left\[scale=1\]; read it as text.)
def report = new File(budget, 'report.md').text.replace('\\[', '[').replace('\\]', ']')
assert report =~ /Adaptive measurement \(maxTime 5 min 00 s, at most 2 rounds; .*\): [12] rounds? in [0-9.]+ s; round 1 \([0-9.]+ s\): NoisyBenchmark\.left\[scale=1\] \(avgt\) \+1, NoisyBenchmark\.right\[scale=1\] \(avgt\) \+1/
assert report =~ /COIN\*\* NoisyBenchmark\.left\[scale=1\] \(avgt\) — (INCONCLUSIVE|PASS|FAIL)/
assert report =~ /(still undecided|decided at adaptive round [12]) with \+[12] forks? in adaptive measurement \([23] in all\)/
assert log =~ /(?m)^\[INFO\] SANE .* PASS$/

// results.json holds the pooled forks (fork identity kept), so budget:baseline stores what was decided on.
def results = new groovy.json.JsonSlurper().parse(new File(budget, 'results.json'))
def forks = { name, scale -> results.find { it.benchmark == name && it.params?.scale == scale }.primaryMetric.rawData.size() }
int rounds = new File(budget, 'adaptive-2').isDirectory() ? 2 : 1
assert forks('it.NoisyBenchmark.left', '1') == 1 + rounds
assert forks('it.NoisyBenchmark.right', '1') == 1 + rounds
assert forks('it.NoisyBenchmark.left', '2') == 1
assert results.find { it.benchmark == 'it.WorkBenchmark.work' }.primaryMetric.rawData.size() == 1
return true
