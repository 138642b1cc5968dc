def log = new File(basedir, 'build.log').text
assert log.contains('Maven Stub Project (No POM)')
assert log =~ /(?m)^\[INFO\] regression +ParserBenchmark\.parse \(avgt\) .* PASS$/
assert log =~ /regression ParserBenchmark\.parse \(avgt\): ParserBenchmark\.parse \(avgt\) is 40\.00?0?% slower than the baseline/
assert log.contains('BUILD FAILURE')
return true
