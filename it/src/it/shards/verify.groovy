import groovy.json.JsonSlurper

def json = new JsonSlurper()
def log = new File(basedir, 'build.log').text.replaceAll(/\r?\n\[(INFO|WARNING)\] {3,}/, ' ')
def shards = (1..3).collect { json.parse(new File(basedir, "target/shard-${it}/report.json")) }
def all = ['release', 'quick', 'o2', 'cgu1', 'thin', 'fat']

// Each shard measured the anchor and its own slice, and says which.
shards.eachWithIndex { r, i ->
    assert r.shard.index == i + 1 && r.shard.count == 3 && r.shard.anchor == 'release'
    assert r.shard.profiles == all
    assert r.shard.costBasis == 'cost model'
    assert r.profiles*.name == r.shard.measured
    assert r.profiles[0].name == 'release' && r.profiles.every { it.status == 'ok' }
}
def dealt = shards.collectMany { it.profiles*.name.findAll { it != 'release' } }
assert dealt.sort() == (all - 'release').sort() : "every profile in exactly one shard: ${dealt}"
// Balanced by cost: fat LTO (the costliest) shares its shard with nothing costlier.
assert shards.every { it.profiles.size() >= 2 }
assert !new File(basedir, 'target/shard-1/history.jsonl').exists() : 'a shard does not write the history'

// The merge: each profile exactly once, with its shard's figures; anchors and ratios recorded.
def merged = json.parse(new File(basedir, 'target/ctime/report.json'))
assert merged.profiles*.name == all
assert merged.merge.anchor == 'release'
assert merged.merge.shards*.index == [1, 2, 3]
assert merged.merge.shards.every { it.anchorDrift != null && it.anchorDrift.ratio > 0 }
assert merged.reference == 'release'
shards.each { r ->
    int i = r.shard.index
    r.profiles.findAll { it.name != 'release' }.each { p ->
        def m = merged.profiles.find { it.name == p.name }
        assert m.kernels[0].gradientCheck.ok
        assert m.compile.clean.cpuMs.runs == p.compile.clean.cpuMs.runs
        // Ratios to the own shard's anchor are the shard's own comparisons, exactly.
        r.comparisons.findAll { it.profile == p.name }.each { c ->
            def a = merged.merge.anchorRatios.find { it.profile == p.name && it.figure == c.figure }
            assert a.reference == "release@${i}"
            assert Math.abs(a.ratio - c.ratio) < 1e-12 && Math.abs(a.ciLow - c.ciLow) < 1e-12
            def mc = merged.comparisons.find { it.profile == p.name && it.figure == c.figure }
            assert mc.reference == 'release' && Math.abs(mc.ratio - c.ratio) < 1e-12
        }
        if (i == 1) assert m.compile.clean.cpuMs.median == p.compile.clean.cpuMs.median
    }
}
// The anchor shown is shard 1's; later shards' absolute figures are rescaled to it, and that is said.
assert merged.profiles[0].compile.clean.cpuMs.median == shards[0].profiles[0].compile.clean.cpuMs.median
assert merged.warnings.any { it.startsWith('merged from 3 shards') }
assert log.contains('merged from 3 shards, each compared through its own release')
def html = new File(basedir, 'target/ctime/report.html').text
assert html.contains('>Shards<')

// The gate read the merged report.
assert new File(basedir, 'src/ctime/main.json').exists()
assert new File(basedir, 'target/ctime/check/TEST-ctime-check.xml').exists()

// Refusals.
assert log.contains('shard 1 is given twice')
assert log.contains("ctime.shard is '4/3'")
assert !new File(basedir, 'target/bad-shard/profiles').exists() : 'nothing is built for a bad shard number'
return true
