def log = new File(basedir, 'build.log').text
assert log.contains('No JMH benchmarks found in io.sabot.it:no-benchmarks-fails')
assert log.contains('jmh-generator-annprocess')
return true
