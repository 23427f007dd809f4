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
// The copy holds the workspace, and the user's tree is untouched.
assert new File(basedir, 'target/ctime/profiles/release/src/kernels/Cargo.toml').exists()
assert !new File(basedir, 'ws/target').exists()
return true
