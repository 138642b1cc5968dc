def log = new File(basedir, 'build.log').text
assert log.contains('did not finish within the timeout of 15 s and was killed with all its child processes')
assert log.contains('Raise <timeout> (-Dbudget.timeout)')
assert log.contains('Command: ')
assert log =~ /(?s)Last \d+ lines of .*fork\.log:.*child process started, pid \d+/
// No JMH JVM of this project survives: its forked VMs run org.openjdk.jmh.runner.ForkedMain.
def survivors = ProcessHandle.allProcesses()
        .filter { it.info().commandLine().orElse('').contains('timeout-kills-fork') }
        .filter { it.info().commandLine().orElse('').contains('ForkedMain') }
        .count()
assert survivors == 0 : "$survivors forked JMH JVMs survived the timeout"
// Nor does the child the benchmark started (a zombie that init has not reaped yet is dead).
def pid = new File(basedir, 'target/child.pid').text.trim() as long
def running = {
    def stat = new File("/proc/$pid/stat")
    if (new File('/proc/self').isDirectory()) {
        if (!stat.exists()) return false
        def text = stat.text
        def state = text.substring(text.lastIndexOf(')') + 2, text.lastIndexOf(')') + 3)
        return !(state in ['Z', 'X'])
    }
    return ProcessHandle.of(pid).map { it.isAlive() }.orElse(false)
}
for (int i = 0; i < 100 && running(); i++) {
    Thread.sleep(100)
}
assert !running() : "the benchmark's child process $pid survived the timeout"
return true
