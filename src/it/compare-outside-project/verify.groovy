def log = new File(basedir, 'build.log').text
assert log.contains('Maven Stub Project (No POM)')
assert log =~ /(?m)^\[INFO\] regression +ParserBenchmark\.parse \(avgt\) .* PASS$/
assert log =~ /regression ParserBenchmark\.parse \(avgt\): ParserBenchmark\.parse \(avgt\) is 40\.00?0?% slower than the baseline/
assert log.contains('BUILD FAILURE')

// Without a project the reports go to ./target/budget of the working directory (files/), or where
// -Dbudget.outputDirectory says; never into a directory literally named ${project.basedir}.
def files = new File(basedir, 'files')
['report.json', 'report.md', 'report.html', 'TEST-budget.xml'].each { name ->
    assert new File(files, "target/budget/$name").isFile() : "files/target/budget/$name"
    assert new File(files, "elsewhere/reports/$name").isFile() : "files/elsewhere/reports/$name"
}
// The second compare (the regression) wrote last into target/budget.
assert new File(files, 'target/budget/report.md').text.contains('FAIL')
def literal = []
files.eachFileRecurse { if (it.name.contains('${')) literal << it }
assert literal.isEmpty() : "unexpanded paths: $literal"
assert log.contains('files/target/budget/report.html')
assert !log.contains('${project.basedir}')
return true
