def log = new File(basedir, 'build.log').text
// The maven-versions executions run this project under the oldest supported Maven and under Maven 4 (-V).
if (binding.hasVariable('expectedMavenVersion')) {
    assert log.contains('Apache Maven ' + expectedMavenVersion + ' ') : "not run by Maven $expectedMavenVersion"
}
// 1. site before verify: no page, and the log says what to run
assert log.contains('No performance budgets page: ') && log.contains('does not exist. Run the benchmarks first, e.g. mvn verify site')

// 2. verify site: the page in the site's skin, built from this run's report.json
def page = new File(basedir, 'target/site/budget-report.html')
assert page.isFile()
def html = page.text
assert html.contains('<title>') && html.contains('Performance budgets')
assert html.contains('2 checks: 1 passed, 1 failed, 0 warnings, 0 inconclusive')
assert html.contains('in the latest budget:check of io.sabot.it:site-report-shows-latest-verdicts:jar:1.0')
assert html.contains('target/budget/report.json, written ')
['Budget', 'Benchmark', 'Limit', 'Baseline', 'Measured', 'Change', 'Verdict'].each { assert html.contains('<th>' + it + '</th>') }
// failures first: the broken budget's row comes before the met one's, whatever the budget file's order
int broken = html.indexOf('<td>WORK-IMPOSSIBLE</td>')
int met = html.indexOf('<td>WORK-ROOMY</td>')
assert broken > 0 && met > broken
// each verdict's row carries a class for a site's CSS (budget-fail, budget-pass, ...)
assert html =~ /<tr class="[ab] budget-fail">\s*<td>WORK-IMPOSSIBLE<\/td>\s*<td>WorkBenchmark\.work \(avgt\)<\/td>\s*<td>&lt;= 1\.000 ns\/op<\/td>\s*<td>-<\/td>\s*<td>[0-9.]+ ns\/op<\/td>\s*<td>-<\/td>\s*<td>FAIL<\/td>/
assert html =~ /<tr class="[ab] budget-pass">\s*<td>WORK-ROOMY<\/td>/
// the message behind the failure, and the link to the full report copied beside the page
assert html.contains('Details') && html =~ /WORK-IMPOSSIBLE<\/(b|strong)> WorkBenchmark\.work \(avgt\): FAIL\. /
assert html.contains('href="budget-report/report.html"')
def copied = new File(basedir, 'target/site/budget-report/report.html')
assert copied.isFile()
assert copied.bytes == new File(basedir, 'target/budget/report.html').bytes
// the site's report index lists the page
assert new File(basedir, 'target/site/project-reports.html').text.contains('budget-report.html')
return true
