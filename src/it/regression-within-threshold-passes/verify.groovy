def log = new File(basedir, 'build.log').text
assert log =~ /(?m)^\[INFO\] regression +WorkBenchmark\.work \(avgt\) .*(PASS|INCONCLUSIVE)$/
assert !log.contains('BUILD FAILURE')
return true
