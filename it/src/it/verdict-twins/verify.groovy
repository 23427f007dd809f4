import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/ctime/report.json'))
report.profiles.each { assert it.status == 'ok' : "${it.name}: ${it.reason}" }
assert report.reference == 'twin-a'

// The twins' settings are the same, so are their libraries: timed once, equal by construction, and said so.
def shaA = report.profiles.find { it.name == 'twin-a' }.applied.librarySha256
def shaB = report.profiles.find { it.name == 'twin-b' }.applied.librarySha256
assert shaA ==~ /[0-9a-f]{64}/

def twin = report.comparisons.findAll { it.profile == 'twin-b' && it.basis != 'counted' }
assert twin.size() == 5 : 'full build cpu, wall, peak RSS; the primal and the gradient'
twin.each { c ->
    if (c.figure.startsWith('kernel:') && shaA == shaB) {
        // One library, its kernels timed once: the same sample, so not tested against itself but equal by construction.
        assert c.basis == 'identical' && c.verdict == 'equivalent' && c.ratio == 1 && !c.significant : "${c}"
    } else {
        // Builds timed apart: never told apart on noise, equivalent where the runs are tight enough, else inconclusive.
        assert c.verdict in ['equivalent', 'inconclusive'] && !c.significant : "identical settings told apart on noise: ${c}"
        assert c.basis == 'timed' && c.runs == 6 && c.referenceRuns == 6
    }
}

// Instructions per call under Cachegrind (CI installs Valgrind): the same for the twins, higher at opt-level 0.
assert report.settings.instructionCounts.startsWith('instructions per call') : report.settings.instructionCounts
def counted = report.comparisons.findAll { it.figure.endsWith('Instructions') }
assert counted*.figure.toSet() == ['kernel:sumsq:1000:primalInstructions', 'kernel:sumsq:1000:gradientInstructions'] as Set
counted.findAll { it.profile == 'twin-b' }.each { c ->
    // Counted exactly, and the same: equivalent by the threshold, with no runs needed.
    assert c.verdict == 'equivalent' && c.basis == 'counted' && Math.abs(c.ratio - 1) < 0.01 : "${c}"
}
def opt0Count = counted.find { it.profile == 'opt0' && it.figure.contains('primal') }
assert opt0Count.verdict == 'worse' && opt0Count.ratio > 1.5 : "${opt0Count}"
report.profiles.each { p -> p.kernels.each { k -> assert k.primalInstructions > 1000 && k.gradientInstructions > 1000 } }
// Estimated cycles from Cachegrind's simulated caches, at least one a counted instruction: the same for the twins.
report.profiles.each { p -> p.kernels.each { k -> assert k.primalCycles >= k.primalInstructions && k.gradientCycles >= k.gradientInstructions } }
def cycles = report.comparisons.findAll { it.figure.endsWith('Cycles') }
assert cycles*.figure.toSet() == ['kernel:sumsq:1000:primalCycles', 'kernel:sumsq:1000:gradientCycles'] as Set
cycles.findAll { it.profile == 'twin-b' }.each { c -> assert c.verdict == 'equivalent' && c.basis == 'counted' : "${c}" }
assert cycles.find { it.profile == 'opt0' && it.figure.contains('primal') }.verdict == 'worse'

def slow = report.comparisons.find { it.profile == 'opt0' && it.figure == 'kernel:sumsq:1000:primalNs' }
assert slow.verdict == 'worse' && slow.significant : "opt-level 0 not found slower: ${slow}"
assert slow.ratio > 1.5 && slow.ciLow > 1.0 : "${slow}"

def d = report.decision
// Always a recommendation, with the most it could be wrong by: one of the twins, the other interchangeable with it.
assert d.state == 'recommended' : d.reason
assert d.recommended in ['twin-a', 'twin-b'] : d.reason
def other = d.recommended == 'twin-a' ? 'twin-b' : 'twin-a'
assert d.equivalent.contains(other) : "the twin is not named as equivalent: ${d.reason}"
assert !d.equivalent.contains('opt0')
assert d.reason.contains(other)
assert d.bound.status in ['settled', 'bounded'] && d.bound.tolerance == 0.02 : d.bound
if (shaA == shaB) {
    // Judged as one: the reference stands for the group, and the twin is never an open comparison.
    assert d.recommended == 'twin-a' : d.reason
    assert !(d.undecided ?: []).any { it.profile == 'twin-b' } : d.reason
}
def log = new File(basedir, 'build.log').text.replaceAll(/\r?\n\[(INFO|WARNING)\] {3,}/, ' ')
assert log.contains("verdict: ${d.recommended} for ")
// While forks run, the decision judges what is measured so far: not the report written meanwhile, which marks the
// profiles incomplete until the forks are done.
assert !log.contains('no profile measured every kernel') : 'the forks were guided by a decision that saw no profile'
if (shaA == shaB) {
    assert log.contains("twin-b built a library byte for byte the same as twin-a's")
    assert report.warnings.any { it.startsWith("twin-b built a library byte for byte the same as twin-a's") }
    assert log.contains('identical binary to twin-a')
}
// The default console leaves the instruction counts to the page and to ctime.console=full, and says so.
assert !log.contains('instructions per call (Cachegrind')
assert log.contains('-Dctime.console=full')
return true
