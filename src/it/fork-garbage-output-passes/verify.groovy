import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log =~ /(?m)NOISY-OK .* PASS$/
// The garbage reached the fork log, so the run really printed it.
def forkLog = new File(basedir, 'target/budget/fork.log').text
assert forkLog.contains('999999.999')
assert forkLog.contains('No matching benchmarks. Miss-spelled regexp?')
// Results come from JMH's JSON: one benchmark, its real score, nothing from the fake lines.
def results = new JsonSlurper().parse(new File(basedir, 'target/budget/results.json'))
assert results.size() == 1
assert results[0].benchmark == 'it.NoisyBenchmark.work'
assert results[0].primaryMetric.score < 1000
def report = new JsonSlurper().parse(new File(basedir, 'target/budget/report.json'))
assert report.checks*.id == ['NOISY-OK']
assert report.checks[0].verdict == 'PASS'
assert report.checks[0].measured < 1000
return true
