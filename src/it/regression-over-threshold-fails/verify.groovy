def log = new File(basedir, 'build.log').text
assert new File(basedir, 'src/perf/baseline.json').isFile()
assert log =~ /regression WorkBenchmark\.work \(avgt\): WorkBenchmark\.work \(avgt\) is [0-9.,]+% slower than the baseline/
assert log.contains('more than the allowed +10')
return true
