def log = new File(basedir, 'build.log').text
assert new File(basedir, 'src/perf/baseline.json').isFile()
assert log =~ /regression WorkBenchmark\.work \(avgt\): WorkBenchmark\.work \(avgt\) is [0-9.,]+% slower than the baseline/
// +10% unless the machine-speed probe found this machine slower than at the baseline and raised it
assert log =~ /more than the allowed \+[0-9.,]+%/
return true
