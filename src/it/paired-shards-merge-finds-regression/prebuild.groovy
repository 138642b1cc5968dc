// A git repository with two commits: the baseline code, then a change that makes WorkBenchmark.work 30% slower.
def git(String... args) {
    def command = ['git', '-c', 'user.email=it@example.com', '-c', 'user.name=it'] + (args as List)
    def process = new ProcessBuilder(command).directory(basedir).redirectErrorStream(true).start()
    def output = process.inputStream.text
    assert process.waitFor() == 0: "${command.join(' ')}: ${output}"
}
new File(basedir, '.gitignore').text = 'target/\nbuild.log\n'
git('init', '-q')
git('add', '.')
git('commit', '-q', '-m', 'baseline: 1000 tokens of work')
def source = new File(basedir, 'src/main/java/it/WorkBenchmark.java')
source.text = source.text.replace('WORK = 1000;', 'WORK = 1300;')
git('commit', '-q', '-a', '-m', '30% more work')
return true
