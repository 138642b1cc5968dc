def log = new File(basedir, 'build.log').text
assert log.contains('Using the MultiThreadedBuilder')
['alpha': 'AlphaBenchmark', 'beta': 'BetaBenchmark'].each { module, bench ->
    def results = new File(basedir, "$module/target/budget/results.json").text
    assert results.contains("it.${bench}.work")
    assert !results.contains(module == 'alpha' ? 'BetaBenchmark' : 'AlphaBenchmark')
    assert new File(basedir, "$module/target/budget/report.json").isFile()
}
assert log =~ /(?m)ALPHA-OK .* PASS$/
assert log =~ /(?m)BETA-OK .* PASS$/
assert log.contains('BUILD SUCCESS')
return true
