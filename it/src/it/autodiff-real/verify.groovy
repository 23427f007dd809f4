import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/ctime/report.json'))
def enzyme = report.profiles.findAll { it.settings.autodiff }
assert enzyme*.name == ['enzyme', 'enzyme-nott-inline']
report.profiles.each { p ->
    assert p.status == 'ok' : "${p.name}: ${p.reason}"
    assert p.kernels[0].gradientCheck.ok
    assert p.compile.full.cpuMs.median > 0
    // Every analysis build works, the autodiff ones included (they need the same fat LTO).
    assert !(p.warnings ?: []).any { it.contains('build failed') } : "${p.name}: ${p.warnings}"
    assert p.analysis.llvmLines
}
enzyme.each { p ->
    assert p.applied.rustcCommand.contains('-Zautodiff=Enable')
    assert p.applied.rustcCommand.contains('-C lto=fat')
    // Enzyme's own pass, from rustc's LLVM time trace.
    assert p.analysis.enzymePassMs instanceof Number && p.analysis.enzymePassMs > 0 : "${p.name}: ${p.analysis}"
    assert p.analysis.differentiated.any { it.contains('half_sq') }
}
assert report.profiles.find { it.name == 'enzyme-nott-inline' }.applied.rustcCommand.contains('-Zautodiff=Enable,NoTT,Inline')

// The breakdown: forced fat LTO, Enzyme on top, and each kernel against the hand-written gradient.
def a = report.autodiff
assert a.hand == 'hand-fat-lto' && a.release == 'release'
assert a.builds*.profile == ['enzyme', 'enzyme-nott-inline']
a.builds.each { b -> assert b.forcedLto.ratio > 0 && b.enzymeOverFatLto.ratio > 0 && b.enzymePassMs > 0 }
assert a.rows.size() == 2
a.rows.each { r ->
    assert r.kernel == 'half_sq' && r.n == 128
    ['gradientVsHand', 'primalVsHand', 'buildCpuVsRelease'].each { f ->
        assert r[f].ratio > 0 && r[f].ciLow <= r[f].ratio : "${f}: ${r[f]}"
        // With one build or fork a side no interval can be had: then it is absent and the verdict inconclusive, never exact.
        assert (r[f].ciHigh != null && r[f].ciHigh >= r[f].ratio) || r[f].verdict == 'inconclusive' : "${f}: ${r[f]}"
    }
}
def log = new File(basedir, 'build.log').text
assert log.contains('autodiff (Enzyme) against the hand-written gradients of hand-fat-lto')
return true
