def log = new File(basedir, 'build.log').text
def out = new File(basedir, 'target/budget')

['results.json', 'report.json', 'report.md', 'TEST-budget.xml', 'report.html', 'fork.log'].each {
    assert new File(out, it).isFile() : "missing target/budget/$it"
}
['T-MAX', 'T-MIN', 'T-P99', 'T-ALLOC', 'T-METRIC', 'T-RATIO'].each {
    assert log =~ /(?m)^\[INFO\] .*$it .*PASS/ : "no PASS line for $it in the table"
}
assert log.contains('BUILD SUCCESS')
assert log.contains('No baseline')
def junit = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new File(out, 'TEST-budget.xml')).documentElement
assert junit.getAttribute('failures') == '0'
assert junit.getElementsByTagName('testcase').length == 6
return true
