import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/ctime/report.json'))
def nightly = report.toolchains.find { it.name == 'nightly' }
def major = nightly.llvmVersion.split('\\.')[0]
def hand = report.profiles.find { it.name == 'hand' }
assert hand.status == 'ok' : hand.reason
assert hand.applied.rustcCommand.contains('-C lto=fat')
assert hand.kernels[0].gradientCheck.ok
// On nightly, the phase split is measured; fat LTO has its own phase.
def phases = hand.analysis.phases
assert phases.total > 0 && phases.lto > 0 && phases.frontend > 0
assert Math.abs(['frontend', 'codegen', 'llvm', 'lto', 'link'].sum { phases[it] } - phases.total) < 1e-6

def enzyme = report.profiles.find { it.name == 'enzyme-nopostopt' }
assert enzyme.settings.autodiff == ['NoPostopt']
if (nightly.enzyme.state == 'present') {
    // A machine with a backend: the profile must really run (the autodiff-real IT checks it in depth).
    assert enzyme.status == 'ok' : enzyme.reason
} else {
    assert enzyme.status == 'skipped'
    assert enzyme.reason.contains("libEnzyme-${major}.so")
    assert enzyme.reason.contains('toolchain nightly')
    assert enzyme.reason.contains('autodiff backend not found')
    assert enzyme.reason.contains('rustup component add enzyme --toolchain nightly')
    assert enzyme.compile.isEmpty() && enzyme.kernels == null
}
return true
