def log = new File(basedir, 'build.log').text
assert log.contains('JMH found no benchmark matching the includes/excludes [')
assert log.contains('NoSuch')
assert log.contains('Check <includes> (-Dbudget.includes)')
// and which benchmarks there are to choose from
assert log =~ /the benchmarks on the classpath: WorkBenchmark\.\w+/
assert log.contains('Command: ')
assert log =~ /Exit code: [1-9]\d*/
assert log =~ /(?s)Last \d+ lines of .*fork\.log:.*No matching benchmarks/
assert !new File(basedir, 'target/budget/report.json').exists()
return true
