def log = new File(basedir, 'build.log').text
assert log =~ /performance-budgets\.yml:3:5: budget 'GHOST' matches no benchmark result/
assert log.contains('benchmarks in this run: it.WorkBenchmark.work')
return true
