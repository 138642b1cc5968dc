import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('Using the MultiThreadedBuilder')
assert log.contains('BUILD SUCCESS')
assert !log.contains('BUILD FAILURE')

def modules = ['alpha': 'AlphaBenchmark', 'beta': 'BetaBenchmark', 'gamma': 'GammaBenchmark']
def ids = ['alpha': ['ALPHA-OK'], 'beta': ['BETA-OK'], 'gamma': ['GAMMA-OK', 'GAMMA-TIGHT']]
def json = new JsonSlurper()

/** Verdicts of one module's run, by budget id and benchmark, after checking every file is this module's own and complete. */
def verdicts = { String module, String dirName ->
    def dir = new File(basedir, "$module/target/$dirName")
    def own = modules[module]
    def results = json.parse(new File(dir, 'results.json'))
    assert !results.isEmpty()
    results.each { assert it.benchmark == "it.${own}.work" : "$dir/results.json holds ${it.benchmark}" }
    if (module == 'gamma') {
        assert results*.params*.tokens.sort() == ['100', '50']
    }
    def report = json.parse(new File(dir, 'report.json'))
    assert report.project.contains(":$module:")
    assert report.checks*.id.unique().sort() == ids[module].sort()
    report.checks.each { assert it.benchmark == "it.${own}.work" }
    def xml = new XmlSlurper().parse(new File(dir, 'TEST-budget.xml'))
    assert xml.@tests.text() as int == report.checks.size()
    xml.testcase.each { tc -> assert ids[module].any { tc.@name.text().startsWith(it + ' ') } }
    def forkLog = new File(dir, 'fork.log').text
    assert forkLog.contains("# Benchmark: it.${own}.work")
    assert forkLog.contains('# Run complete.')
    (modules.values() - own).each { assert !forkLog.contains(it) : "$dir/fork.log mentions $it" }
    def md = new File(dir, 'report.md').text
    (ids.values().flatten() - ids[module]).each { assert !md.contains(it) : "$dir/report.md mentions $it" }
    report.checks.collectEntries { ["${it.id} ${it.params}", it.verdictLabel] }
}

modules.keySet().each { module ->
    def sequential = verdicts(module, 'budget-sequential')
    def parallel = verdicts(module, 'budget')
    assert parallel == sequential : "$module: -T 2 verdicts $parallel differ from the sequential build's $sequential"
    assert parallel.values().every { it in ['PASS', 'WARN'] } : "$module: $parallel"
}
assert verdicts('gamma', 'budget').findAll { it.value == 'WARN' }.keySet().every { it.startsWith('GAMMA-TIGHT') }

// Forks never overlapped: each run (and confirmation rerun) lasts from writing its fork.args to JMH
// writing its results.json; across the parallel build's modules these spans are disjoint.
def spans = []
modules.keySet().each { module ->
    new File(basedir, "$module/target/budget").eachFileRecurse { f ->
        if (f.name == 'fork.args') {
            def results = new File(f.parentFile, 'results.json')
            assert results.isFile()
            spans << [module: module, dir: f.parentFile, start: f.lastModified(), end: results.lastModified()]
        }
    }
}
assert spans.size() >= 3
spans.sort { it.start }
for (int i = 1; i < spans.size(); i++) {
    assert spans[i].start >= spans[i - 1].end : "forks overlapped: ${spans[i - 1]} and ${spans[i]}"
}
return true
