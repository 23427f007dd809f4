import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/ctime/report.json'))
def log = new File(basedir, 'build.log').text.replaceAll(/\r?\n\[(INFO|WARNING)\] {3,}/, ' ')
def major = report.toolchain.llvmVersion.split('\\.')[0]
def onPath = { String exe -> System.getenv('PATH').split(':').any { new File(it, exe).canExecute() } }
def release = report.profiles.find { it.name == 'release' }
assert release.status == 'ok' : release.reason
assert release.pipeline == null

boolean profdata = onPath("llvm-profdata-${major}") || onPath('llvm-profdata')
boolean bolt = onPath("llvm-bolt-${major}") && onPath("merge-fdata-${major}")
def pgo = report.profiles.find { it.name == 'release-pgo' }
def b = report.profiles.find { it.name == 'release-bolt' }
def both = report.profiles.find { it.name == 'release-pgo-bolt' }

if (!profdata || !bolt) {
    println "pgo-bolt: llvm-profdata-${major} or BOLT ${major} missing here; checking that the profiles are skipped with the fix"
    [pgo, b, both].each { p ->
        if (p.status == 'skipped') {
            assert p.reason.contains("for LLVM ${major}") && p.reason.contains('apt-get install') : p.reason
            assert p.compile.isEmpty() && p.kernels == null
        }
    }
    if (!profdata) assert pgo.status == 'skipped'
    if (!bolt) assert b.status == 'skipped'
    return true
}

// The PGO pipeline: instrumented build, training on the kernels, merge; the timed builds use the profile.
assert pgo.status == 'ok' : pgo.reason
assert pgo.pipeline.stages*.stage == ['instrumented build', 'PGO training', 'profile merge']
assert pgo.pipeline.stages.every { it.wallMs > 0 && it.cpuMs > 0 }
assert pgo.applied.rustflagsAdded.any { it.startsWith('-Cprofile-use=') && it.endsWith('merged.profdata') }
assert pgo.applied.rustcCommand.contains('-Cprofile-use=') || pgo.applied.rustcCommand.contains('-C profile-use=')
assert new File(pgo.applied.pgoProfile).length() > 0
def raw = new File(basedir, 'target/ctime/profiles/release-pgo/pgo/raw').listFiles().findAll { it.name.endsWith('.profraw') }
assert raw.size() == 1 : "one training fork, one raw profile: ${raw}"
assert pgo.kernels.every { it.status == 'ok' && it.gradientCheck.ok }

// Training inputs are not the timed inputs.
assert report.settings.trainingSeed != report.settings.seed
assert pgo.pipeline.trainingSeed == report.settings.trainingSeed
assert pgo.pipeline.trainedOn.contains("seed ${report.settings.trainingSeed}")

// BOLT: the library is linked with relocations, instrumented, trained, rewritten, and the rewritten one is timed.
assert b.status == 'ok' : b.reason
assert b.pipeline.stages*.stage == ['BOLT instrumentation', 'BOLT training', 'BOLT profile merge', 'BOLT rewrite']
assert b.applied.rustflagsAdded.contains('-Clink-arg=-Wl,-q')
def timed = new File(basedir, 'target/ctime/profiles/release-bolt/lib').listFiles().find { it.name.endsWith('.so') }
def before = new File(b.applied.libraryBeforeBolt)
assert timed.bytes != before.bytes : 'the harness must time the rewritten library'
assert b.artifactBytes == timed.length()
assert b.kernels.every { it.status == 'ok' && it.gradientCheck.ok }

assert both.status == 'ok' : both.reason
assert both.pipeline.stages*.stage == ['instrumented build', 'PGO training', 'profile merge', 'BOLT instrumentation',
                                       'BOLT training', 'BOLT profile merge', 'BOLT rewrite']

// The effect against the same profile untrained, and the pipeline in the build cost.
def t = report.training
assert t.builds*.profile == ['release-pgo', 'release-bolt', 'release-pgo-bolt']
t.builds.each { tb ->
    assert tb.against == 'release' && tb.twin
    assert tb.withPipeline.ratio > tb.buildCpu.ratio : 'the pipeline adds to the build cost'
}
assert t.rows.size() == 3 && t.rows.every { it.primal.ratio > 0 && it.gradient.ratio > 0 }
assert log.contains('PGO/BOLT against the same profiles without them')
def html = new File(basedir, 'target/ctime/report.html').text
assert html.contains('What PGO and BOLT cost and buy')
return true
