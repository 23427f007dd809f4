import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

def junit = { n -> new XmlSlurper().parse(new File(basedir, "target/check-${n}/TEST-ctime-check.xml")) }
def summary = { n -> new File(basedir, "target/check-${n}/summary.md").text }

// The baseline is a committed file with the samples and the settings.
def base = new JsonSlurper().parse(new File(basedir, 'src/ctime/main.json'))
assert base.baseline.name == 'main'
assert base.profiles[0].compile.clean.cpuMs.samples.size() == 6
// Compact by default: each kernel fork kept as its median, the runs the check compares.
assert base.baseline.samples == "each fork's median"
def primal = base.profiles[0].kernels[0].primalNs
assert primal.groups.every { it == 1 } && primal.samples.size() == primal.runs

// 2, 3: against its own fresh baseline, no false alarm, twice.
[2, 3].each { n ->
    def x = junit(n)
    assert x.@failures.toString() == '0' : summary(n)
    assert x.@tests.toInteger() >= 8 : 'every figure is a test case'
    assert summary(n).startsWith('### ctime: no regression against baseline `main.json`')
    def bmf = new JsonSlurper().parse(new File(basedir, "target/check-${n}/bencher.json"))
    assert bmf['release::sumsq@1000 primal'].latency.value > 0
    assert new JsonSlurper().parse(new File(basedir, "target/check-${n}/benchmark-action.json")).every { it.name && it.unit && it.value != null }
}

// 4: the kernel made slower in source fails, naming the kernel and the figure.
def slow = junit(4)
assert slow.@failures.toInteger() >= 1
def failed = slow.testcase.findAll { it.failure.size() > 0 }*.@name*.toString()
assert failed.any { it.startsWith('sumsq@1000 primal') } : failed
assert summary(4).contains('**regressed**')

// 5: the lowered opt-level under the same name is refused, naming the profile and the setting.
def refused = junit(5).testcase.failure.@message.toString()
assert refused.contains('profile release: settings changed: optLevel 3 → 1') : refused

// 6: compared anyway, the lowered opt-level regresses.
def lowered = junit(6).testcase.findAll { it.failure.size() > 0 }*.@name*.toString()
assert lowered.any { it.startsWith('sumsq@1000') } : lowered

// 7: a baseline from another toolchain is refused with the difference named.
def other = junit(7).testcase.failure.@message.toString()
assert other.contains('toolchain default: baseline rustc 1.80.0 (051478957 2024-07-21), now rustc') : other

// 8: ctime:compare on two history labels prints the table with intervals.
def log = new File(basedir, 'build.log').text.replaceAll(/\r?\n\[(INFO|WARNING)\] {3,}/, ' ')
assert log =~ /profile \/ figure\s+baseline\s+current\s+change \(95% interval\)\s+verdict/
assert log.contains('against baseline run-2')
def history = new File(basedir, 'target/ctime/history.jsonl').readLines().collect { new JsonSlurper().parseText(it) }
def run2 = history.find { it.label == 'run-2' }
assert run2.measured.profiles.release.figures['compile.clean.cpuMs'].runs.size() == 6
assert run2.measured.profiles.release.settingsHash
assert run2.measured.toolchains.default.startsWith('rustc ')
return true
