def log = new File(basedir, 'build.log').text
assert log.contains('did not finish within the timeout of 15 s and was killed with all its child processes')
assert log.contains('Raise <timeout> (-Dbudget.timeout)')
// No JMH JVM of this project survives: its forked VMs run org.openjdk.jmh.runner.ForkedMain.
def survivors = ProcessHandle.allProcesses()
        .filter { it.info().commandLine().orElse('').contains('timeout-kills-fork') }
        .filter { it.info().commandLine().orElse('').contains('ForkedMain') }
        .count()
assert survivors == 0 : "$survivors forked JMH JVMs survived the timeout"
return true
