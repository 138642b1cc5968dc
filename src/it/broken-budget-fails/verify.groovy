def log = new File(basedir, 'build.log').text
assert log.contains('2 performance budget checks failed:')
assert log =~ /TOO-TIGHT WorkBenchmark\.work \(avgt\): score is [0-9.,]+ ns\/op .*but the limit is <= 1\.000 ns\/op/
assert log =~ /TOO-FAST WorkBenchmark\.work \(avgt\): score is [0-9.,e+]+ ops\/s .*but the limit is >= 1\.000e\+09 ops\/s/
assert log.contains('confirmed by rerun 1')
assert new File(basedir, 'target/budget/confirm-1/results.json').isFile()
def junit = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new File(basedir, 'target/budget/TEST-budget.xml')).documentElement
assert junit.getAttribute('failures') == '2'
// The failure message points at the details: the HTML report, the fork log, the commands.
assert log =~ /Report with charts \(opens offline\): .*target[\/\\]budget[\/\\]report\.html/
assert log.contains('Compare again without running: mvn budget:compare')
return true
