def log = new File(basedir, 'build.log').text
assert log =~ /(?m)^\[INFO\] ASPIRATION .* WARN$/
assert log =~ /\[WARNING\] ASPIRATION WorkBenchmark\.work \(avgt\): score is/
assert log.contains('BUILD SUCCESS')
return true
