import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/ctime/report.json'))
assert report.crate.package == 'ws-kernels'
report.profiles.each { p ->
    assert p.status == 'ok' : "${p.name}: ${p.reason}"
    // Only the member's own rustc is timed.
    assert p.applied.rustcCommand.contains('--crate-name ws_kernels')
    assert p.kernels[0].status == 'ok' && p.kernels[0].primalNs.median > 0
}
// The workspace's [profile.release] applies to "release"; the profile's own setting wins over it.
assert report.profiles.find { it.name == 'release' }.applied.rustcCommand.contains('-C codegen-units=4')
assert report.profiles.find { it.name == 'cgu1' }.applied.rustcCommand.contains('-C codegen-units=1')
// The whole graph: a clean build has both members as units (the first build was its sample), an edit rebuilds the kernels alone.
report.profiles.each { p ->
    assert p.compile.clean.cpuMs.runs == 1 && p.compile.edit.cpuMs.runs == 1
    assert p.compile.clean.units*.crate.containsAll(['ws_helper', 'ws_kernels']) : p.compile.clean.units
    assert p.compile.edit.units*.crate == ['ws_kernels'] : p.compile.edit.units
    assert p.compile.clean.cpuMs.median >= p.compile.clean.units*.cpuMs.sum()
}
assert report.decision.scenario == 'clean'
// The per-package override reaches the helper's rustc and no other.
def helper = report.profiles.find { it.name == 'helper-o1' }
assert helper.applied.effective.find { it.key == 'package.ws-helper.opt-level' }.value == '1'
def initial = new File(basedir, 'target/ctime/profiles/helper-o1/logs/build-initial.stderr').text
assert initial.readLines().find { it.contains('--crate-name ws_helper') && it.contains('opt-level=1') }
assert initial.readLines().find { it.contains('--crate-name ws_kernels') && it.contains('opt-level=3') }
// The workspace's own release profile is named, with its source, and flagged: it is not Cargo's release.
def cgu = report.profiles.find { it.name == 'release' }.applied.effective.find { it.key == 'codegen-units' }
assert cgu.value == '4' && cgu.source == 'your Cargo.toml [profile.release]' && cgu.team
def log = new File(basedir, 'build.log').text.replaceAll(/\n\[INFO\] +/, ' ')
assert log.contains('profile release (the reference) builds with opt-level = 3')
assert log.contains('profile release is not Cargo\'s release: your own settings reach it (codegen-units = 4 in Cargo.toml')
// The copy holds the workspace, and the user's tree is untouched.
assert new File(basedir, 'target/ctime/profiles/release/src/kernels/Cargo.toml').exists()
assert !new File(basedir, 'ws/target').exists()
return true
