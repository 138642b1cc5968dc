def log = new File(basedir, 'build.log').text
assert log.contains('The JMH fork failed with exit code')
assert log.contains('Command: ')
assert log.contains('-jvmArgsPrepend -XX:+NoSuchFlagAtAll')
assert log.contains('NoSuchFlagAtAll')
assert log =~ /Last \d+ lines of .*fork\.log:/
return true
