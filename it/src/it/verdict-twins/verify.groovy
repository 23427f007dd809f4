import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/ctime/report.json'))
report.profiles.each { assert it.status == 'ok' : "${it.name}: ${it.reason}" }
assert report.reference == 'twin-a'

def twin = report.comparisons.findAll { it.profile == 'twin-b' }
assert twin.size() == 5 : 'full build cpu, wall, peak RSS; the primal and the gradient'
twin.each { c ->
    assert c.verdict == 'indistinguishable' && !c.significant : "identical settings told apart on noise: ${c}"
    assert c.runs == 6 && c.referenceRuns == 6
}

def slow = report.comparisons.find { it.profile == 'opt0' && it.figure == 'kernel:sumsq:1000:primalNs' }
assert slow.verdict == 'worse' && slow.significant : "opt-level 0 not found slower: ${slow}"
assert slow.ratio > 1.5 && slow.ciLow > 1.0 : "${slow}"

def d = report.decision
assert d.recommended in ['twin-a', 'twin-b'] : d.reason
def other = d.recommended == 'twin-a' ? 'twin-b' : 'twin-a'
assert d.indistinguishable.contains(other) : "the twin is not named as tied: ${d.reason}"
assert !d.indistinguishable.contains('opt0')
assert d.reason.contains(other)

def log = new File(basedir, 'build.log').text
assert log.contains("verdict: ${d.recommended}")
return true
