def log = new File(basedir, 'build.log').text
assert log.contains('The JMH fork failed with exit code 1')
assert log =~ /Last \d+ lines of .*fork\.log:/
assert log.contains('the benchmark broke on purpose')
assert new File(basedir, 'target/budget/fork.log').text.contains('IllegalStateException')
return true
