import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text.replaceAll(/\r?\n\[(INFO|WARNING)\] {3,}/, ' ')
def grd = "kernel 'sumsq': the gradient symbol 'sumsq_grd' is not exported by libit_basic.so (did you mean 'sumsq_grad'?)"
def chian = "kernel 'chain': the primal symbol 'chian' is not exported by libit_basic.so (did you mean 'chain'?)"
assert log.contains(grd) && log.contains(chian)
// Found right after the first build (with repeat 1 it is the only clean sample), before any other build.
assert log.indexOf(grd) < log.indexOf('ctime: analysis builds 1/')

def report = new JsonSlurper().parse(new File(basedir, 'target/ctime/report.json'))
def p = report.profiles[0]
assert p.warnings.any { it.startsWith(grd) } && p.warnings.any { it.startsWith(chian) }
def sumsq = p.kernels.find { it.name == 'sumsq' }
// The misspelt gradient costs the gradient only: the primal is timed.
assert sumsq.status == 'failed' && sumsq.reason.contains('sumsq_grd') && sumsq.primalNs.median > 0 && sumsq.gradientNs == null
def chain = p.kernels.find { it.name == 'chain' }
assert chain.status == 'failed' && chain.reason.contains('chian')
assert p.compile.clean.cpuMs.median > 0 : 'the builds were measured all the same'
return true
