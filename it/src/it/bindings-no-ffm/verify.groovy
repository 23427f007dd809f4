import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/ctime/report.json'))
def log = new File(basedir, 'build.log').text
def jdk = Runtime.version().feature()
if (jdk >= 22) return true // Maven's own JVM has FFM: nothing is missing here

def ffmRows = report.callers.findAll { it.binding.startsWith('ffm') }
assert ffmRows.size() == 2 * 2 * 2 * 2 : 'two kernel sizes, primal and gradient, two FFM bindings, two placements'
ffmRows.each { c ->
    assert c.callNs == null && c.bindingNs == null
    assert c.missing.contains("the forks run on JDK ${jdk}") && c.missing.contains('22 or newer') && c.missing.contains('ctime.jdk') : c.missing
}
assert report.callers.findAll { !it.binding.startsWith('ffm') }.every { it.callNs != null && it.missing == null }

def chain = report.decision.workload.items.find { it.kernel == 'chain' }
assert chain.caller.binding == 'ffm' && chain.bindingNs == null
assert report.warnings.any { it.startsWith('chain primal (n = 100) is called through FFM, which was not timed: the forks run on JDK') } : report.warnings
// The page and the console say why the FFM columns are empty.
assert log.contains('warning: chain primal (n = 100) is called through FFM, which was not timed')
def html = new File(basedir, 'target/ctime/report.html').text
assert html.contains('ffm, ffm-critical: the forks run on JDK')
assert log.contains('BUILD SUCCESS')
