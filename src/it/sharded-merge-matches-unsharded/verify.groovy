import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def json = new JsonSlurper()
def units = { file -> json.parse(file).collect { it.benchmark + (it.params ?: [:]).sort().toString() } as Set }

// Each shard measured a part, the three parts are disjoint and together the whole suite.
def parts = (1..3).collect { units(new File(basedir, "target/shards/shard-$it/results.json")) }
def whole = units(new File(basedir, 'target/unsharded-run/results.json'))
assert whole.size() == 8: "2 x 3 @Param units + 2 plain: $whole"
parts.each { assert !it.isEmpty() }
assert parts[0].intersect(parts[1]).isEmpty() && parts[0].intersect(parts[2]).isEmpty() && parts[1].intersect(parts[2]).isEmpty()
assert parts[0] + parts[1] + parts[2] == whole
assert units(new File(basedir, 'target/budget/results.json')) == whole
(1..3).each { k ->
    def manifest = json.parse(new File(basedir, "target/shards/shard-$k/shard.json"))
    assert manifest.shard == "$k/3"
    assert manifest.suite.size() == 8
    assert manifest.budgetFileSha256 ==~ /[0-9a-f]{64}/
}
assert log =~ /Shard 2\/3: \d of 8 benchmark unit\(s\)/
assert log =~ /Shard 1\/3 done: \d+ provisional failure\(s\)/

// The merge failed the build on the broken limit, naming it.
assert log =~ /IMPOSSIBLE/
assert log =~ /Merged 3 shards of 3: \d+ result\(s\) of 8 unit\(s\)/

// Same verdicts as budget:compare of the same forks judged as one run.
def verdicts = { file -> json.parse(file).checks.collectEntries { [(it.id + ' ' + it.kind + ' ' + it.benchmark + (it.params ?: [:]).sort()), it.verdict] } }
def merged = verdicts(new File(basedir, 'target/budget/report.json'))
def asOne = verdicts(new File(basedir, 'target/as-one-run/report.json'))
// 6 limit checks (SANE 2, IMPOSSIBLE 1, TWICE 3) and a regression check per unit
assert merged.size() == 14: "limits and regressions of 8 units: $merged"
assert merged == asOne
assert merged.findAll { it.key.startsWith('IMPOSSIBLE ') }.values() as List == ['FAIL']
assert merged.findAll { it.key.startsWith('SANE ') }.values().every { it == 'PASS' }
return true
