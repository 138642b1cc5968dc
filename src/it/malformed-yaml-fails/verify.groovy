def log = new File(basedir, 'build.log').text
assert log =~ /Invalid budget file: .*performance-budgets\.yml:\d+:\d+: malformed YAML/
return true
