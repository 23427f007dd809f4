import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/ctime/report.json'))
def log = new File(basedir, 'build.log').text
assert report.schemaVersion == 13

// Every kernel function at every size, through every binding, with its data off-heap and in an array.
def bindings = ['jna', 'jna-direct', 'jni', 'ffm', 'ffm-critical']
def groups = [['sumsq', 16], ['chain', 100]]
assert report.callers.size() == groups.size() * 2 * bindings.size() * 2 : report.callers*.binding
def ffm = log.contains('for the FFM binding')
groups.each { k, n ->
    ['primal', 'gradient'].each { f ->
        bindings.each { b ->
            ['off-heap', 'array'].each { d ->
                def c = report.callers.find { it.kernel == k && it.n == n && it.function == f && it.binding == b && it.data == d }
                assert c : "${k} ${n} ${f} ${b} ${d}"
                assert c.profile == 'release'
                if (b.startsWith('ffm') && !ffm) {
                    assert c.callNs == null && c.missing.contains('22 or newer') : c
                } else {
                    assert c.missing == null : c
                    assert c.callNs.runs == 2 && c.callNs.median > 0 : 'one run per fork, two forks'
                    assert c.bindingNs != null
                }
            }
        }
    }
}

// The workload: the items as called, each with its binding's share; the decision weighs the call, not the kernel alone.
def items = report.decision.workload.items
def sumsq = items.find { it.kernel == 'sumsq' }
def chain = items.find { it.kernel == 'chain' }
assert sumsq.caller == [binding: 'jna', data: 'off-heap'] : 'ctime.binding, for the item without its own'
assert chain.caller == [binding: 'jni', data: 'array'] : "the item's own"
// A share is a difference of two noisy medians, so it can come out below zero; the workload counts none below zero.
def share = { k, n, f, b, d -> Math.max(0d, report.callers.find { it.kernel == k && it.n == n && it.function == f && it.binding == b && it.data == d }.bindingNs.median as double) }
assert sumsq.bindingNs == share('sumsq', 16, 'gradient', 'jna', 'off-heap')
assert chain.bindingNs == share('chain', 100, 'primal', 'jni', 'array')
def kernel = report.profiles.find { it.name == 'release' }.kernels.find { it.name == 'sumsq' }.gradientNs.median
def byKernel = report.decision.byKernel.find { it.item.kernel == 'sumsq' }
assert Math.abs(byKernel.nsPerCall - (kernel + sumsq.bindingNs)) < 1e-6 * byKernel.nsPerCall

// The console splits the call into binding and kernel.
assert log =~ /your call to sumsq gradient \(n = 16\) in release: [0-9.]+ [nµm]s = [0-9.]+ [nµm]s JNA \+ [0-9.]+ [nµm]s kernel/
assert log =~ /your call to chain primal \(n = 100\) in release: .* JNI from a Java array \+/
assert log.contains('BUILD SUCCESS')

// The page has the callers' table.
def html = new File(basedir, 'target/ctime/report.html').text
assert html.contains('Calls from Java') && html.contains('jna-direct') && html.contains('ffm-critical')
