import groovy.json.JsonSlurper

def ex = new JsonSlurper().parse(new File(basedir, 'target/ctime-exhaustive/report.json'))
def race = new JsonSlurper().parse(new File(basedir, 'target/ctime-race/report.json'))
assert ex.profiles.size() == 16 && race.profiles.size() == 16 : 'the race keeps every profile of the matrix'
assert ex.race == null && ex.settings.search == 'exhaustive'
assert race.settings.search == 'race'

// Both searches name a profile with its bound. The race's pick is the exhaustive search's, one it calls equivalent, or one
// whose extra cost by the exhaustive search's estimates lies within the two searches' stated bounds: two runs on a noisy
// machine, each with its own worst case.
def d = race.decision
assert d.state == 'recommended' && ex.decision.state == 'recommended' : "no recommendation: ${d.reason} / ${ex.decision.reason}"
assert d.bound.status in ['settled', 'bounded'] : d.bound
def xd = ex.decision
def calls = xd.expectedCalls
def cost = { name -> def p = xd.points.find { it.profile == name }; p.buildMs.median + calls * p.runNs.median * 1e-6 }
def extra = cost(d.recommended) - cost(xd.recommended)
def within = (d.bound.ms ?: Double.POSITIVE_INFINITY) + (xd.bound.ms ?: Double.POSITIVE_INFINITY)
assert d.recommended == xd.recommended || (xd.equivalent ?: []).contains(d.recommended) || extra <= within :
        "the race recommends ${d.recommended} (bound ${d.bound.ms} ms); the exhaustive search's estimates put it ${extra} ms" +
        " above its own ${xd.recommended} (bound ${xd.bound.ms} ms)"

// Profiles left on the decision's rule: each significantly costlier than the best at its judgement, the interval of the
// difference (at the race's corrected confidence) above the equivalence margin; none of them is the recommendation.
def r = race.race
assert r.field[0] == 16 && r.field.last() == r.finalists.size()
assert !r.left.isEmpty() : 'no profile left the race'
assert r.finalists.size() + r.left.size() == 16
assert !(d.recommended in r.left*.profile)
r.left.findAll { it.beatenBy }.each { l ->
    assert l.totalLow > l.marginMs : l
    assert l.judgement >= 1 && l.after.contains('forks')
}
// A profile that left was measured no further: no analysis builds, and its builds timed only where its run time alone
// did not already lose (then it says so, and has its first build only, which every profile makes).
def byName = race.profiles.collectEntries { [it.name, it] }
def runs = { p -> p.compile?.clean?.cpuMs?.runs ?: 0 }
r.left*.profile.each { n ->
    assert byName[n].analysis == null : "${n} left the race but was analysed"
    def l = r.left.find { it.profile == n }
    if (l.after.contains('before its builds were timed')) {
        assert runs(byName[n]) <= 1 && l.build == null && l.run.verdict == 'worse' : l
    } else {
        assert runs(byName[n]) >= 4 : "${n} left on both costs with ${runs(byName[n])} builds"
    }
}
r.finalists.each { n -> assert byName[n].analysis != null : "${n} is a finalist without its analysis builds" }
// It spent fewer builds than the exhaustive search of the same matrix, and says what it spent.
// (Each profile's first build starts from an empty target folder: it is its first clean sample, counted once.)
def builds = { rep -> rep.profiles.sum { p -> Math.max(1, runs(p)) + (p.analysis == null ? 0 : 2) } }
assert r.spent.builds == builds(race)
assert builds(race) < builds(ex) : "race ${builds(race)} builds, exhaustive ${builds(ex)}"
assert r.spent.exhaustiveBuilds == 16 * (4 + 2)
assert r.spent.cpuMs > 0 && r.spent.wallMs > 0

def log = new File(basedir, 'build.log').text.replaceAll(/\r?\n\[(INFO|WARNING)\] {3,}/, ' ')
assert log.contains('plan: a race of 16 profiles: a first round of 4 kernel forks each, then 4 timed builds of each profile')
assert log =~ /race, after 4 forks and \S+'s builds: /
assert log =~ /race, after [^:]+: \d+ left/
assert log =~ /race: 16 profiles, \d+ left, \d+ finalists/
// The page shows the race: the field narrowing and who left.
def page = new File(basedir, 'target/ctime-race/report.html').text
assert page.contains('<h2>The race</h2>') && page.contains('<table class="race">')
assert page.contains('The field narrowing')
return true
