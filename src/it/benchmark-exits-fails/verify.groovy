def log = new File(basedir, 'build.log').text
assert log.contains('The JMH fork failed with exit code')
assert log =~ /Exit code: \d+/
assert log =~ /(?s)Last \d+ lines of .*fork\.log:.*exit code 3/
return true
