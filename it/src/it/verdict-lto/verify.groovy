import groovy.json.JsonSlurper

def many = new JsonSlurper().parse(new File(basedir, 'target/many/report.json'))
many.profiles.each { assert it.status == 'ok' : "${it.name}: ${it.reason}" }
// Fat LTO inlines the cross-crate call: significantly faster on wsum's gradient (the workload's figure, about 0.7x), at a
// significantly higher build cost. (Its primal gains a few percent, which a busy machine does not always show.)
def run = many.comparisons.find { it.profile == 'fat' && it.figure == 'kernel:wsum:1000:gradientNs' }
assert run.verdict == 'better' && run.ciHigh < 1 : "${run}"
def build = many.comparisons.find { it.profile == 'fat' && it.figure == 'compile.clean.cpuMs' }
assert build.verdict == 'worse' : "${build}"
def d = many.decision
assert d.state == 'recommended' && d.recommended == 'fat' : d.reason
assert d.workload.items*.kernel.toSet() == ['wsum', 'local'] as Set
def be = d.breakEvens.find { it.cheaperBuild == 'release' && it.fasterRun == 'fat' }
assert be && be.calls < d.expectedCalls && be.ciHigh != null && be.ciHigh < d.expectedCalls : "${be}"
assert d.reason.contains('pays for its build after')
assert many.control.copyOf == 'release' && many.control.figures >= 2

// The calls moved to the kernel both profiles run alike: the cheaper build wins again.
def other = new JsonSlurper().parse(new File(basedir, 'target/other/report.json'))
def o = other.decision
assert !o.workload.derived && o.workload.items*.calls == [10, 1000000]
assert o.recommended != 'fat' : o.reason
assert o.state == 'recommended' && o.recommended == 'release' : o.reason
def log = new File(basedir, 'build.log').text.replaceAll(/\r?\n\[(INFO|WARNING)\] {3,}/, ' ')
assert log.contains('verdict: fat for 20.00 million calls per clean build of the workload (2 kernel functions)')
assert log.contains('verdict: release for 1.00 million calls per clean build of the workload (2 kernel functions)')
return true
