def log = new File(basedir, 'build.log').text
def starter = new File(basedir, 'target/budget/performance-budgets.starter.yml')
assert starter.isFile()
assert log.contains('No budget file: ' + new File(basedir, 'performance-budgets.yml').canonicalPath) || log.contains('No budget file: ')
assert log.contains('performance-budgets.starter.yml') && log.contains('Review the limits, then copy')
def text = starter.text
assert text.startsWith('# Starter budgets written by budget-maven-plugin')
assert text =~ /benchmark: "it\.FirstBenchmark\.work"/
assert text =~ /max: [0-9.]+ us\/op   # measured [0-9.]+ us\/op \(avgt\)/
// the adopted file is the starter, byte for byte; the second build judged it and passed
def adopted = new File(basedir, 'performance-budgets.yml')
assert adopted.text == text
assert log =~ /FirstBenchmark\.work \(avgt\)\s+<= [0-9.]+ us\/op .*PASS/
assert new groovy.json.JsonSlurper().parse(new File(basedir, 'src/perf/baseline.json')).reason == 'first-baseline'
return true
