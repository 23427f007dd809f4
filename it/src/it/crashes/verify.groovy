import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/ctime/report.json'))
assert report.interrupted == null
report.profiles.each { p ->
    // Failing kernels cost only themselves: the profile is partial, not failed, and its good kernel is compared.
    assert p.status == 'partial' : "${p.name}: ${p.status}"
    def k = { name -> p.kernels.find { it.name == name } }
    // The good kernel, timed in the same forks as the faulty ones, keeps its figures.
    assert k('good').status == 'ok' && k('good').primalNs.median > 0 : "${p.name}: ${k('good')}"
    assert k('segfault').status == 'failed' && k('segfault').reason.contains('SIGSEGV') : k('segfault').reason
    assert k('aborts').status == 'failed' && k('aborts').reason.contains('SIGABRT') : k('aborts').reason
    // exit(0) inside a kernel is a crash of that kernel, not a fork that finished early and silently.
    assert k('quits').status == 'failed' && k('quits').reason.contains('exit code 0') && k('quits').reason.contains('quits')
    assert k('panics').status == 'failed' && k('panics').reason.contains('the kernel saw n = 64 and gave up') : k('panics').reason
    assert k('spins').status == 'failed' && k('spins').reason.contains('5 s') : k('spins').reason
    // A primal returning NaN fails even without a gradient, and the message blames the primal.
    assert k('nan').status == 'failed' && k('nan').reason.contains('the primal nan returned NaN') : k('nan').reason
    ['segfault', 'quits', 'aborts', 'panics', 'spins'].each { assert k(it).reason.contains(it) : "the reason names the kernel: ${k(it).reason}" }
}
// Kernels that fail in every profile leave the workload, named with their reason; the good one is still judged.
def d = report.decision
assert d.workload.items*.kernel.toSet() == ['segfault', 'quits', 'good', 'aborts', 'panics', 'spins', 'nan'] as Set
assert d.excluded.size() == 6 && d.excluded.any { it.startsWith('segfault') && it.contains('SIGSEGV') } : d.excluded
assert d.points*.profile.toSet() == ['release', 'opt1'] as Set : 'both profiles are ranked on the kernel that works'
assert d.reason.contains('Left out of the workload (failed in every profile)')
assert report.comparisons.any { it.profile == 'opt1' && it.figure == 'kernel:good:64:primalNs' }
// The crash log a reason points at exists.
report.profiles.each { p ->
    def log = (p.kernels.find { it.name == 'segfault' }.reason =~ /see (\S+)/)[0][1]
    assert new File(log).exists() : log
}
return true
