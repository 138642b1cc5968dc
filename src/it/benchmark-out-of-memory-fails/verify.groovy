def log = new File(basedir, 'build.log').text
assert log =~ /The JMH fork failed with exit code \d+: the benchmark JVM ran out of memory \(java\.lang\.OutOfMemoryError\)/
assert log.contains('-Dbudget.jvmArgs=-Xmx2g')
assert log.contains('Command: ')
assert log.contains('-jvmArgsPrepend -Xmx48m')
assert log =~ /Exit code: [1-9]\d*/
assert log =~ /Last \d+ lines of .*fork\.log:/
assert new File(basedir, 'target/budget/fork.log').text.contains('java.lang.OutOfMemoryError')
return true
