def log = new File(basedir, 'build.log').text
// First invocation, same code on both sides: no check failed.
assert log =~ /Paired mode against git:HEAD \(commit [0-9a-f]{12}\)/
def summaries = (log =~ /(\d+) checks: (\d+) passed, (\d+) failed/).collect { it }
assert summaries.size() >= 2: "two check summaries expected in build.log"
assert summaries[0][3] == '0': "unchanged code must not fail: ${summaries[0][0]}"
// Second invocation: the slower benchmark fails against the code of HEAD~1, the unchanged one does not.
assert log =~ /Paired mode against git:HEAD~1 \(commit [0-9a-f]{12}\)/
assert log =~ /regression WorkBenchmark\.work \(avgt\): WorkBenchmark\.work \(avgt\) is [0-9.,]+% slower than the baseline code/
assert !(log =~ /regression WorkBenchmark\.steady \(avgt\): WorkBenchmark\.steady \(avgt\) is [0-9.,]+% slower than the baseline code .*more than the allowed/)
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/budget/report.json'))
def work = report.checks.find { it.kind == 'REGRESSION' && it.benchmark.startsWith('it.WorkBenchmark.work') }
assert work.verdict == 'FAIL'
assert work.slowdown.low > 0.10
assert work.slowdown.estimate > 0.15 && work.slowdown.estimate < 0.50
assert report.paired.baselineSource.startsWith('git:HEAD~1 (commit ')
assert report.paired.seed == 5
// Each side's forks are plain JMH JSON; the baseline code was built outside the working tree.
assert new File(basedir, 'target/budget/results.json').isFile()
assert new File(basedir, 'target/budget/baseline-results.json').isFile()
assert new File(basedir, 'target/budget-baseline').listFiles().findAll { it.directory && !it.name.contains('.partial-') }.size() == 2
assert new File(basedir, 'src/main/java/it/WorkBenchmark.java').text.contains('WORK = 1300;')
// The record of what the forks were measured against, and compare judging them as the check did.
assert new File(basedir, 'target/budget/paired.json').text.contains('"baselineCode" : "git:HEAD~1 (commit ')
def compared = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/budget-compare/report.json'))
assert compared.checks.find { it.kind == 'REGRESSION' && it.benchmark.startsWith('it.WorkBenchmark.work') }.verdict == 'FAIL'
assert log =~ /The paired forks beside .*results\.json were measured against git:HEAD~1 \(commit [0-9a-f]{12}\), not git:HEAD\. Compare with -Dbudget\.against=git:HEAD~1/
assert !new File(basedir, 'target/budget-compare-other/report.json').exists()
return true
