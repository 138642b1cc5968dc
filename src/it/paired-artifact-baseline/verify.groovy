def log = new File(basedir, 'build.log').text
assert log =~ /Paired mode against artifact:io\.sabot\.it:paired-artifact-baseline:1\.0/
assert log =~ /regression TokenBenchmark\.tokens \(avgt\): TokenBenchmark\.tokens \(avgt\) is [0-9.,]+% slower than the baseline code/
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/budget/report.json'))
def tokens = report.checks.find { it.kind == 'REGRESSION' && it.benchmark == 'it.TokenBenchmark.tokens' }
assert tokens.verdict == 'FAIL'
def fixed = report.checks.find { it.kind == 'REGRESSION' && it.benchmark == 'it.TokenBenchmark.fixed' }
assert fixed.verdict != 'FAIL'
assert report.paired.baselineSource == 'artifact:io.sabot.it:paired-artifact-baseline:1.0'
assert new File(basedir, 'target/classes/it/work.properties').text.contains('work=1300')
// The failure's hints point at the paired run's own logs and at compare with the same source.
assert log.contains('Compare again without running: mvn budget:compare -Dbudget.against=artifact:io.sabot.it:paired-artifact-baseline:1.0')
assert log =~ /Fork logs: .*target.budget.paired.round-N.pair-M.\{current,baseline\}.fork\.log/
return true
