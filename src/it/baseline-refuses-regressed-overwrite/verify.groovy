def log = new File(basedir, 'build.log').text
assert log.contains('Refusing to replace the baseline')
assert log.contains('mvn budget:baseline -Dbudget.reason=')
assert log.contains('Accepted regression (accepted-slowdown)')
def baseline = new groovy.json.JsonSlurper().parse(new File(basedir, 'src/perf/baseline.json'))
assert baseline.reason == 'accepted-slowdown'
assert baseline.environment.cores > 0
assert baseline.results.size() == 1
def dir = new File(basedir, 'src/perf')
assert dir.list().findAll { it.endsWith('.tmp') }.isEmpty() : "temporary files left: ${dir.list()}"
return true
