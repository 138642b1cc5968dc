def log = new File(basedir, 'build.log').text
assert log.contains('Skipping performance budgets (budget.skip=true)')
assert !new File(basedir, 'target/budget').exists()
assert log.contains('BUILD SUCCESS')
return true
