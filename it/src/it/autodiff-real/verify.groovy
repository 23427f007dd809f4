import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/ctime/report.json'))
def log = new File(basedir, 'build.log').text.replaceAll(/\r?\n\[(INFO|WARNING)\] {3,}/, ' ')
def byName = { n -> report.profiles.find { it.name == n } }
def enzyme = report.profiles.findAll { it.settings.autodiff }
assert enzyme*.name == ['enzyme', 'enzyme-nott-inline', 'enzyme-max', 'enzyme-const']

// enzyme-const marks half_sq's input Const: Enzyme builds it without a word and the gradient stays zero. The check
// catches it and says why it is the usual sign of a wrong activity; the other kernel is measured as usual.
def wrong = byName('enzyme-const')
assert wrong.status == 'partial' : "${wrong.status}: ${wrong.reason}"
def zero = wrong.kernels.find { it.name == 'half_sq' }
assert zero.status == 'failed' && !zero.gradientCheck.ok
assert zero.gradientCheck.wrongZeros == zero.gradientCheck.checked : zero.gradientCheck
assert zero.reason.contains('checked components are exactly zero where finite differences are not') && zero.reason.contains('Const')
assert wrong.kernels.find { it.name == 'centred_sq' }.gradientCheck.ok

// enzyme-max puts f64::max in half_sq's differentiated function. A backend without the llvm.maximumnum rule (the shared
// one, from February 2026) rejects it, and with it the whole library; the crate gates each derivative on ctime's cfg,
// so ctime builds it again without half_sq's: centred_sq is still Enzyme's and timed, half_sq fails alone with Enzyme's
// words. A newer backend builds both, and both gradients must then be right.
def max = byName('enzyme-max')
def rejected = max.status != 'ok'
if (rejected) {
    assert max.status == 'partial' : "${max.status}: ${max.reason}"
    assert max.applied.autodiffWithout.keySet() == ['half_sq'] as Set : max.applied
    assert max.applied.autodiffWithout.half_sq.contains('llvm.maximumnum') : max.applied.autodiffWithout
    assert max.applied.rustcCommand.contains('ctime_no_autodiff') : max.applied.rustcCommand
    def half = max.kernels.find { it.name == 'half_sq' }
    assert half.status == 'failed' && half.reason.contains('llvm.maximumnum') && half.reason.contains('ctime_no_autodiff') : half
    assert half.primalNs.median > 0 : 'the primal of the Enzyme build is still timed'
    def centred = max.kernels.find { it.name == 'centred_sq' }
    assert centred.status == 'ok' && centred.gradientCheck.ok : centred
    assert max.warnings.any { it.startsWith('built without the derivative of half_sq') } : max.warnings
    assert report.autodiff.rejected*.profile == ['enzyme-max'] : report.autodiff.rejected
    assert report.autodiff.rejected[0].without == ['half_sq']
    assert !log.contains("the gradient symbol 'half_sq_grad' is not exported") : 'left out on purpose, not misspelt'
    assert log.contains('enzyme-max [Enable]: rejected half_sq (built again without it; the other kernels are timed), Enzyme: cannot handle')
}
def built = report.profiles.findAll { it.status != 'failed' && it.name != 'enzyme-const' && !(rejected && it.name == 'enzyme-max') }
built.each { p ->
    assert p.status == 'ok' : "${p.name}: ${p.reason}"
    // Both kernels, the one that allocates in the differentiated function included, with right gradients.
    assert p.kernels*.name.toSet() == ['half_sq', 'centred_sq'] as Set
    p.kernels.each { k -> assert k.gradientCheck.ok : "${p.name} ${k.name}: ${k.reason}" }
    assert p.compile.clean.cpuMs.median > 0
    // Every analysis build works, the autodiff ones included: an allocating kernel must not break them.
    assert !(p.warnings ?: []).any { it.contains('build failed') } : "${p.name}: ${p.warnings}"
    assert p.analysis.llvmLines
    assert p.applied.librarySha256 ==~ /[0-9a-f]{64}/
}
def enzymeBuilt = built.findAll { it.settings.autodiff }
enzymeBuilt.each { p ->
    assert p.applied.rustcCommand.contains('-Zautodiff=Enable')
    assert p.applied.rustcCommand.contains('-C lto=fat')
    assert p.analysis.llvmLinesScope.contains('optimised and differentiated')
    // Enzyme's own pass, and the code generation after it, from rustc's LLVM time trace.
    assert p.analysis.enzymePassMs instanceof Number && p.analysis.enzymePassMs > 0 : "${p.name}: ${p.analysis}"
    // Two runs of Enzyme's pass: the phase-split build's and the LLVM-lines build's, which keeps the pipeline.
    assert p.analysis.enzymePassRunsMs.size() == 2 && p.analysis.enzymePassRunsMs.every { it > 0 } : p.analysis.enzymePassRunsMs
    assert p.analysis.codegenAfterEnzymeMs > 0
    assert p.analysis.differentiated.any { it.contains('half_sq') } && p.analysis.differentiated.any { it.contains('centred_sq') }
}
assert byName('enzyme-nott-inline').applied.rustcCommand.contains('-Zautodiff=Enable,NoTT,Inline')
// The hand-written baseline is traced too, for its loop passes.
assert byName('hand-fat-lto').analysis.loopPassesMs.LoopVectorizePass > 0 : byName('hand-fat-lto').analysis

// The breakdown: forced fat LTO, Enzyme on top, and each kernel against the hand-written gradient.
def a = report.autodiff
assert a.hand == 'hand-fat-lto' && a.release == 'release'
assert a.releaseNote.contains('toolchain') : 'hand-fat-lto is on nightly, release on the default toolchain: said'
assert a.builds*.profile.toSet() == (enzymeBuilt*.name + ['enzyme-const'] + (rejected ? ['enzyme-max'] : [])).toSet() : a.builds*.profile
a.builds.each { b ->
    assert b.forcedLto.ratio > 0 && b.enzymeOverFatLto.ratio > 0 && b.enzymePassMs > 0 && b.codegenAfterEnzymeMs > 0
    assert b.handLoopPassesMs.LoopVectorizePass > 0
    assert b.enzymePass.runs == 2 && b.enzymePass.ciLow <= b.enzymePass.median && b.enzymePass.median <= b.enzymePass.ciHigh
}
assert a.rows.size() == 2 * enzymeBuilt.size() + 1 + (rejected ? 1 : 0) : 'enzyme-const and enzyme-max have their one kernel that passed'
a.rows.each { r ->
    assert r.kernel in ['half_sq', 'centred_sq'] && r.n == 128
    ['gradientVsHand', 'primalVsHand', 'buildCpuVsRelease', 'gradientToPrimal', 'gradientToHandPrimal'].each { f ->
        assert r[f].ratio > 0 && r[f].ciLow <= r[f].ratio : "${f}: ${r[f]}"
        // With one build or fork a side no interval can be had: then it is absent and the verdict inconclusive, never exact.
        assert (r[f].ciHigh != null && r[f].ciHigh >= r[f].ratio) || r[f].verdict == 'inconclusive' || r[f].ratio == 1 : "${f}: ${r[f]}"
    }
}

// Identical libraries, by their hashes, for any two profiles: named in the report, the console and the breakdown, and
// timed once (equal timings). On this crate Enzyme's settings often change nothing in the binary.
def shas = built.collectEntries { [(it.name): it.applied.librarySha256] }
built.each { p ->
    def same = built.find { q -> q.name != p.name && shas[q.name] == shas[p.name] && built.indexOf(q) < built.indexOf(p) }
    def b = a.builds.find { it.profile == p.name }
    if (same != null) {
        def first = built.find { q -> shas[q.name] == shas[p.name] }
        assert log.contains("identical binary to ${first.name}") : "${p.name} has ${first.name}'s library, unsaid"
        assert p.kernels*.primalNs*.median == first.kernels*.primalNs*.median : 'identical libraries timed once'
        if (b != null) assert b.identicalTo == first.name
    } else if (b != null) {
        assert b.identicalTo == null
    }
}
// The backend the figures come from.
def nightly = report.toolchains.find { it.name == 'nightly' }
assert nightly.enzyme.backend.sha256 ==~ /[0-9a-f]{64}/ && nightly.enzyme.backend.bytes > 1000000 : nightly.enzyme
assert log.contains('autodiff (Enzyme) against the hand-written gradients of hand-fat-lto')
assert log.contains('code generation after it') && !log.contains('optimisation rerun')
// A lean output folder: the analysis builds' bitcode, IR and traces are gone from the build folders; each trace is kept
// in the profile's logs, compressed.
def leftovers = []
new File(basedir, 'target/ctime/profiles').eachFileRecurse { f ->
    if (f.name ==~ /it_autodiff\.(ll|llvm_timings\.json|.*\.bc)/) leftovers << f.path
}
assert leftovers.isEmpty() : leftovers
assert new File(basedir, 'target/ctime/profiles/enzyme/logs/llvm_timings.json.gz').length() > 1000
return true
