def log = new File(basedir, 'build.log').text
def json = new groovy.json.JsonSlurper()

// 1. jdkToolchain: the one-JDK run used Temurin 25 from the project's toolchains file
assert log =~ /Benchmarks run on \/usr\/lib\/jvm\/temurin-25-jdk-amd64\/bin\/java \(the JDK toolchain matching \{vendor=temurin, version=25\}\)/
def single = json.parse(new File(basedir, 'target/budget-toolchain/results.json'))
assert single.every { it.jdkVersion.startsWith('25') } : single.collect { it.jdkVersion }

// 2. The comparison: JDK 17 (by its home) is the reference, Temurin 25 (by toolchain requirements) is compared with it
assert log =~ /JDK comparison: version=25;vendor=temurin -> \/usr\/lib\/jvm\/temurin-25-jdk-amd64\/bin\/java/
def report = json.parse(new File(basedir, 'target/budget/report.json'))
def jdks = report.jdks
assert jdks.reference == 'java-17-openjdk-amd64'
assert jdks.seed == 17
assert jdks.jdks*.label == ['java-17-openjdk-amd64', 'temurin-25-jdk-amd64']
assert jdks.jdks[0].version.startsWith('17')
assert jdks.jdks[1].version.startsWith('25')
// 3 rounds of one group of two benchmarks, each run once on every JDK, in a random order
assert jdks.runs.size() == 3
assert jdks.runs.every { it.order.sort() == ['java-17-openjdk-amd64', 'temurin-25-jdk-amd64'] }
assert jdks.benchmarks*.benchmark.sort() == ['it.TextBenchmark.concatAndHash', 'it.TextBenchmark.cpu']
jdks.benchmarks.each { b ->
    def (reference, other) = b.results
    assert reference.jdk == 'java-17-openjdk-amd64' && reference.ratio == 1
    assert other.jdk == 'temurin-25-jdk-amd64'
    assert other.score > 0 && other.ratio > 0
    assert other.low <= other.ratio && other.ratio <= other.high : "ratio ${other.ratio} outside [${other.low}, ${other.high}]"
    assert other.verdict in ['PASS', 'INCONCLUSIVE', 'FAIL']
}
// limits judge both JDKs; each non-reference JDK gets a paired comparison per benchmark
def ids = report.checks*.id
assert ids.containsAll(['CPU-MAX @java-17-openjdk-amd64', 'CPU-MAX @temurin-25-jdk-amd64',
                        'TEXT-MAX @java-17-openjdk-amd64', 'TEXT-MAX @temurin-25-jdk-amd64'])
def compared = report.checks.findAll { it.kind == 'REGRESSION' }
assert compared*.id.unique() == ['regression @temurin-25-jdk-amd64']
assert compared.every { it.limit.endsWith('vs JDK java-17-openjdk-amd64') && it.interval.contains('paired t') }
// each JDK's forks are JMH JSON: the reference's in results.json, the other's beside it
assert json.parse(new File(basedir, 'target/budget/results.json')).every { it.jdkVersion.startsWith('17') }
assert json.parse(new File(basedir, 'target/budget/results-temurin-25-jdk-amd64.json')).every { it.jdkVersion.startsWith('25') }
def md = new File(basedir, 'target/budget/report.md').text
assert md.contains('### JDK comparison')
assert md.contains('| Benchmark | java-17-openjdk-amd64 | temurin-25-jdk-amd64 | temurin-25-jdk-amd64 / java-17-openjdk-amd64 |')
assert new File(basedir, 'target/budget/report.html').text.contains('<section id="jdks">')
assert log =~ /JDK comparison: reference java-17-openjdk-amd64 \(17[^)]*\); compared temurin-25-jdk-amd64 \(25/

// 3. No toolchain matches: the error says what to add, and where
assert log.contains('No JDK toolchain matches {version=99} (<jdkToolchain>)')
assert log.contains('~/.m2/toolchains.xml')
assert log.contains('<version>99</version>')

// 4. and 5. Refused before anything runs, naming the parameters
assert log.contains('<jdks> (-Dbudget.jdks) compares JDKs and <against> (-Dbudget.against=git:HEAD) compares code versions')
assert log.contains('<jdks> (-Dbudget.jdks) lists 1 JDK; a comparison needs two or more')
return true
