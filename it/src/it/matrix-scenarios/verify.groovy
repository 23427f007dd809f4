import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/ctime/report.json'))
def expected = ['lto-off+codegenUnits-1', 'lto-off+codegenUnits-16', 'lto-thin+codegenUnits-1', 'lto-thin+codegenUnits-16']
assert report.profiles*.name == expected
assert report.settings.scenarios == ['full', 'incr-unchanged', 'incr-patched']
report.profiles.each { p ->
    assert p.status == 'ok' : "${p.name}: ${p.reason}"
    def (lto, cgu) = [p.name.contains('thin') ? 'thin' : 'off', p.name.endsWith('-16') ? 16 : 1]
    assert p.settings.lto == lto
    assert p.settings.codegenUnits == cgu
    def cmd = p.applied.rustcCommand
    assert cmd.contains("-C codegen-units=${cgu}")
    assert cmd.contains("-C lto=${lto}") || (lto == 'off' && cmd.contains('-C lto=off'))
    ['full', 'incr-unchanged', 'incr-patched'].each { s ->
        def f = p.compile[s]
        assert f != null : "${p.name} has no ${s}"
        assert f.cpuMs.samples.size() == 2 && f.cpuMs.runs == 2 && f.cpuMs.median > 0
        assert f.wallMs.min <= f.wallMs.median
    }
    assert p.kernels[0].gradientCheck.ok
    // Untimed analysis builds: codegen units actually used, and cargo-llvm-lines' view.
    def used = p.analysis.codegenUnitsUsed
    assert used >= 1 && used <= cgu : "${p.name}: ${used} units"
    assert p.analysis.llvmLines.any { it.function.contains('weighted') || it.function.contains('dot_self') }
    assert p.analysis.llvmLines.every { it.lines > 0 && it.copies >= 1 }
    def phases = p.analysis.phases
    if (report.toolchain.channel == 'nightly') {
        assert phases.total > 0
    } else {
        assert phases == null && p.analysis.phasesUnavailable.contains('nightly')
    }
}
// The user's sources were copied, never touched: no patch marker in the original crate.
assert !new File(basedir, 'rust/src/lib.rs').text.contains('ctime_incr_patched')
def log = new File(basedir, 'build.log').text.replaceAll(/\r?\n\[(INFO|WARNING)\] {3,}/, ' ')
assert log =~ /build \d+\/\d+, lto-thin\+codegenUnits-16 incr-patched: /
// The progress line carries an estimate of the time left.
assert log =~ /about \d+ s left/
return true
