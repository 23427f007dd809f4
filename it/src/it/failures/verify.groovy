import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/ctime/report.json'))
assert new File(basedir, 'target/ctime/report.csv').exists()

def broken = report.profiles.find { it.name == 'broken' }
assert broken.status == 'failed'
assert broken.reason.contains('no-such-option') : broken.reason
assert broken.compile.isEmpty()
assert broken.kernels == null

def builds = report.profiles.find { it.name == 'builds' }
// Wrong gradients fail their kernel only: the profile is partial, what was measured stays in the report and counts.
assert builds.status == 'partial'
assert builds.reason.contains('wrong')
assert report.decision.recommended == 'builds' : report.decision.reason
assert report.decision.excluded.any { it.startsWith('wrong') } && report.decision.excluded.any { it.startsWith('missing') }
assert builds.compile.clean.cpuMs.median > 0
def cube = builds.kernels.find { it.name == 'cube' }
assert cube.status == 'ok' && cube.gradientCheck.ok
def wrong = builds.kernels.find { it.name == 'wrong' }
assert wrong.status == 'failed'
assert wrong.gradientCheck.ok == false
// g[16] was scaled by 1.5: a relative error of 1/3 at exactly that coordinate.
assert Math.abs(wrong.gradientCheck.maxRelError - 1.0 / 3) < 1e-3
assert wrong.gradientCheck.worstIndex == 16
assert wrong.primalNs.median > 0
def missing = builds.kernels.find { it.name == 'missing' }
assert missing.status == 'failed'
assert missing.reason.contains("'not_exported' is not exported")
assert builds.warnings.any { it.contains("the primal symbol 'not_exported' is not exported") }

def log = new File(basedir, 'build.log').text.replaceAll(/\r?\n\[(INFO|WARNING)\] {3,}/, ' ')
assert log.contains('profile broken failed')
assert log.contains('WRONG')
return true
