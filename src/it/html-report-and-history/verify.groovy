import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def out = new File(basedir, 'target/budget')

// The history grew by one line per budget:check run (two builds), each a complete JSON entry.
def history = new File(basedir, '.budget/history.jsonl')
assert history.isFile() : 'no .budget/history.jsonl'
def lines = history.readLines().findAll { !it.isBlank() }
assert lines.size() == 2 : "expected one history line per check run, found ${lines.size()}"
def entries = lines.collect { new JsonSlurper().parseText(it) }
entries.each { e ->
    assert e.v == 1
    assert e.environment.jdkVersion
    assert e.benchmarks*.benchmark.sort() == ['it.WorkBenchmark.sampled', 'it.WorkBenchmark.work']
    e.benchmarks.each { b -> assert b.forkMeans.size() == 2 && b.score > 0 }
}
assert java.time.Instant.parse(entries[0].time).isBefore(java.time.Instant.parse(entries[1].time))

// report.html: self-contained, with every sample and the trend of both runs.
def html = new File(out, 'report.html')
assert html.isFile() : 'no target/budget/report.html'
def page = html.text
assert page.contains("default-src 'none'")
assert !page.contains('<link') && !page.contains(' src="')
assert page.contains('var uPlot=function()')
def open = '<script type="application/json" id="budget-report-data">'
def start = page.indexOf(open) + open.length()
def charts = new JsonSlurper().parseText(page.substring(start, page.indexOf('</script>', start)))
assert page.contains("data-charts=\"${charts.size()}\"")
// The page puts benchmarks that need attention first, so a chart's number depends on the verdicts: find it by benchmark.
def chartOf = { String benchmark, String kind ->
    def found = charts.find { it.kind == kind && it.benchmark?.startsWith(benchmark + ' (') }
    assert found : "no $kind chart for $benchmark among ${charts.collect { [it.id, it.benchmark] }}"
    found
}
def work = chartOf('it.WorkBenchmark.work', 'distribution')
assert work.series.findAll { it.label ==~ /fork \d/ }.size() == 2
work.series.findAll { it.label ==~ /fork \d/ }.each { assert it.values.size() == 4 && it.values.every { v -> v > 0 } }
// 1 ms is far above microsecond samples: the limit is kept (value in the chart's unit) but off the linear axis, and says so
assert work.series.any { it.label == 'WORK-MAX <= 1.000 ms/op (off the axis, above)' && it.style == 'limit' && it.offScale == 'above' && it.values[0] == 1000.0 }
def percentiles = chartOf('it.WorkBenchmark.sampled', 'percentiles')
assert percentiles.xLabels.contains('p99')
assert percentiles.series.any { it.label.startsWith('LAT-P99 p99') }
['it.WorkBenchmark.sampled', 'it.WorkBenchmark.work'].each { assert chartOf(it, 'trend').series[0].values.size() == 2 : "trend of $it" }
assert page.contains('.budget/history.jsonl, 2 runs; trends show the last 10')

// The comparison against the history used the earlier run only.
assert log.contains('with the median of the last 10 runs in')
assert log.contains("The history's record of these very results was left out of the baseline")
assert log =~ /(?m)^\[INFO\] regression +WorkBenchmark\.work \(avgt\) /
return true
