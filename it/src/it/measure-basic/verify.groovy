import groovy.json.JsonSlurper

def dir = new File(basedir, 'target/ctime')
def report = new JsonSlurper().parse(new File(dir, 'report.json'))
assert report.schemaVersion == 13
// How long each stage took, for the next run's estimate.
assert report.stagesMs['building the profiles once'] > 0 && report.stagesMs['timing builds'] > 0 && report.stagesMs['timing kernels'] > 0
// The harness's clock, as clock_getres reported it in the forks.
assert report.settings.clockResolutionNs >= 1
assert report.toolchain.rustcVersion.startsWith('rustc ')
assert report.toolchain.llvmVersion ==~ /\d+\.\d+.*/
assert report.settings.seed == 42
assert report.settings.inputGenerator.contains('splitmix64')
assert report.profiles*.name == ['quick', 'release-cgu1']

report.profiles.each { p ->
    assert p.status == 'ok' : "${p.name}: ${p.reason}"
    assert p.settings.name == null
    def full = p.compile.clean
    // A clean build is cargo's whole tree; its units are every rustc it ran, the crate's own among them.
    assert full.units.find { it.crate == report.crate.crateName && it.crateType == 'cdylib' && it.builds == 2 } : full.units
    assert full.cpuMs.median >= full.units*.cpuMs.sum() * 0.99
    ['wallMs', 'cpuMs', 'maxRssKb', 'cargoWallMs'].each { f ->
        def s = full[f]
        assert s.samples.size() == 2 && s.runs == 2 : "${p.name} ${f}"
        assert s.ciLevel == 0.5 : 'two runs hold the median between them half the time, and the report says so'
        assert s.precision >= 0 && s.capped == true : 'maxRepeat = 2 stopped the builds short of a 95% interval'
        assert s.min > 0 && s.min <= s.median && s.median <= s.max : "${p.name} ${f}: ${s}"
    }
    assert full.wallMs.max <= full.cargoWallMs.max
    assert p.artifactBytes > 1000
    assert p.harnessOverheadNs.median > 0
    assert p.kernels.size() == 3
    p.kernels.each { k ->
        assert k.status == 'ok'
        ['primalNs', 'gradientNs'].each { f ->
            def s = k[f]
            assert s.median > 0 && s.ciLow <= s.median && s.median <= s.ciHigh : "${p.name} ${k.name} ${f}: ${s}"
            assert s.runs == 2 && s.groups.size() == 2 : 'two forks, each one run'
            assert s.samples.size() == s.groups.sum() && s.samples.size() <= 20 + s.interference
            assert s.samples.every { it > 0 }
        }
        assert k.gradientToPrimal > 0
        assert Math.abs(k.gradientToPrimal - k.gradientNs.median / k.primalNs.median) < 1e-9
        assert k.gradientCheck.ok == true
        assert k.gradientCheck.maxRelError < 1e-4
        assert Math.abs(k.primalNsPerElement - k.primalNs.median / k.n) < 1e-9 * k.primalNsPerElement
    }
}
// No 'release' here: the first measured profile is the reference, and every figure of the other is compared.
assert report.reference == 'quick'
def cmp = report.comparisons.findAll { it.profile == 'release-cgu1' }
assert cmp*.figure.containsAll(['compile.clean.cpuMs', 'kernel:sumsq:16:primalNs', 'kernel:sumsq:1000:gradientNs'])
cmp.each { c ->
    assert c.reference == 'quick' && c.ratio > 0 && c.ciLow <= c.ratio
    if (c.figure.endsWith('Instructions') || c.figure.endsWith('Cycles')) {
        // Counted, not timed (instructions, and estimated cycles from the simulated caches): one exact value a side, so
        // only the practical threshold decides.
        assert c.basis == 'counted' : "${c}"
        assert c.runs == 1 && c.ciLow == c.ratio && c.ciHigh == c.ratio
        assert c.significant == (Math.abs(c.ratio - 1) >= c.threshold)
    } else {
        assert c.significant == false : "two runs against two can never be significant: ${c}"
        // Absence of evidence is not equivalence: two runs a side leave every timed figure inconclusive.
        assert c.verdict == 'inconclusive' && c.basis == 'timed' && c.runsToSettle >= 4 : "${c}"
    }
}
// So nothing bounds the decision: it still names a profile (the lower estimated cost), says it is unbounded, lists the
// comparison it could not settle, and asks for the runs a bound needs.
def d = report.decision
assert d.state == 'recommended' && d.recommended in ['quick', 'release-cgu1'] : d.reason
assert d.bound.status == 'bounded' && d.bound.ms == null : d.bound
assert d.workload.derived && d.workload.items*.kernel.toSet() == ['sumsq', 'chain'] as Set : 'every kernel counts'
assert d.workload.items.every { it.calls == 1000000 }
assert d.expectedCalls == 2000000
def contenders = ([d.undecided[0].against] + d.undecided*.profile).toSet()
assert contenders == ['quick', 'release-cgu1'] as Set
assert d.undecided.every { it.runsToSettle >= 4 && it.build.verdict == 'inconclusive' }
assert d.reason.contains('too few runs to bound') && d.reason.contains('Not told apart from it')
assert report.warnings.any { it.contains('fewer than 6 runs') }

def quick = report.profiles.find { it.name == 'quick' }
assert quick.settings.inherits == 'dev' && quick.settings.optLevel == '1'
assert quick.applied.rustcCommand.contains('-C opt-level=1')
def rel = report.profiles.find { it.name == 'release-cgu1' }
assert rel.applied.rustcCommand.contains('-C codegen-units=1')
assert rel.applied.rustcCommand.contains('-C debuginfo=line-tables-only')

def csv = new File(dir, 'report.csv').readLines()
assert csv[0].startsWith('profile,status,scenario')
assert csv.size() == 1 + 2 * 3

def log = new File(basedir, 'build.log').text.replaceAll(/\r?\n\[(INFO|WARNING)\] {3,}/, ' ')
assert log.contains('report written to')
assert log =~ /release-cgu1\s+ok/
assert log.contains("verdict: ${d.recommended} for") && log.contains('unbounded')
assert log.contains('next: take ' + d.recommended + ' for now; at least 4 builds and 4 forks')
// Before any build: two runs a side can never be significant, and the run says so.
assert log.contains('can ever be significant (the Mann-Whitney test at 5% needs 4 runs a side)')
assert log.indexOf('can ever be significant') < log.indexOf('first build 1/')
// Every line ctime prints fits 100 columns besides Maven's prefix.
def raw = new File(basedir, 'build.log').readLines()
def from = raw.findIndexOf { it.contains('--- ctime-maven-plugin') }
def to = raw.findIndexOf { it.startsWith('[INFO] BUILD') }
assert from >= 0 && to > from
def wide = raw.subList(from + 1, to).findAll { it.replaceFirst(/^\[(INFO|WARNING|ERROR)\] /, '').length() > 100 }
assert wide.isEmpty() : wide
assert log.contains('± is the half-width')
// ctime.instructions=all: the leaf rustc's instructions, counted under Cachegrind in an extra build.
report.profiles.each { p ->
    assert p.analysis.rustcInstructions > 1000000 : "${p.name}: ${p.analysis.rustcInstructions}"
}
return true
