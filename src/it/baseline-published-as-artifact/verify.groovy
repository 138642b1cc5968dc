import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def coordinates = 'artifact:io.sabot.it:baseline-published-as-artifact:1.0'
def installed = new File(basedir, '../../local-repo/io/sabot/it/baseline-published-as-artifact/1.0/'
        + 'baseline-published-as-artifact-1.0-budget-baseline.json').canonicalFile

// 1: recorded, attached, installed beside the jar; the installed file is the recorded baseline
assert log.contains('Attached the baseline as io.sabot.it:baseline-published-as-artifact:json:budget-baseline:1.0')
assert installed.isFile() : "not installed: ${installed}"
def recorded = new JsonSlurper().parse(new File(basedir, 'src/perf/baseline.json'))
def published = new JsonSlurper().parse(installed)
assert published.reason == 'published'
assert published.format == 'budget-baseline'
assert published.recordedAt == recorded.recordedAt
assert new File(installed.parentFile, 'baseline-published-as-artifact-1.0.jar').isFile()

// 2 and 3: check and compare read it by coordinates from the local repository, and judge regressions against it
def resolved = log.readLines().findAll { it.contains("Baseline ${coordinates} resolved to ") }
assert resolved.size() == 2 : resolved
resolved.each { assert new File(it.substring(it.indexOf(' resolved to ') + 13).trim()).canonicalFile == installed }
['target/budget/report.json', 'target/budget-compare/report.json'].each { path ->
    def report = new JsonSlurper().parse(new File(basedir, path))
    def regression = report.checks.find { it.id == 'regression' }
    assert regression != null : "${path}: no regression check"
    assert regression.baseline != null
    assert new File(report.baseline.source).canonicalFile == installed
}

// 4: unknown coordinates: a clear error with the fix, no stack trace as the message
assert log.contains('Cannot resolve the baseline artifact:io.sabot.it:never-published:1.0')
assert log.contains('-Dbudget.attach=true')
return true
