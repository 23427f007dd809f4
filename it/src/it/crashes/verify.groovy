import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/ctime/report.json'))
assert report.interrupted == null
report.profiles.each { p ->
    def k = { name -> p.kernels.find { it.name == name } }
    // The good kernel, timed in the same forks as the faulty ones, keeps its figures.
    assert k('good').status == 'ok' && k('good').primalNs.median > 0 : "${p.name}: ${k('good')}"
    assert k('segfault').status == 'failed' && k('segfault').reason.contains('SIGSEGV') : k('segfault').reason
    assert k('aborts').status == 'failed' && k('aborts').reason.contains('SIGABRT') : k('aborts').reason
    assert k('panics').status == 'failed' && k('panics').reason.contains('the kernel saw n = 64 and gave up') : k('panics').reason
    assert k('spins').status == 'failed' && k('spins').reason.contains('5 s') : k('spins').reason
    // A primal returning NaN fails even without a gradient, and the message blames the primal.
    assert k('nan').status == 'failed' && k('nan').reason.contains('the primal nan returned NaN') : k('nan').reason
    ['segfault', 'aborts', 'panics', 'spins'].each { assert k(it).reason.contains(it) : "the reason names the kernel: ${k(it).reason}" }
}
// The crash log a reason points at exists.
report.profiles.each { p ->
    def log = (p.kernels.find { it.name == 'segfault' }.reason =~ /see (\S+)/)[0][1]
    assert new File(log).exists() : log
}
return true
