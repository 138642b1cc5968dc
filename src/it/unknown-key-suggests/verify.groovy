def log = new File(basedir, 'build.log').text
assert log =~ /performance-budgets\.yml:5:5: unknown key 'maxx' in a budget; did you mean 'max'\?/
return true
