import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/ctime/report.json'))
report.profiles.each { p ->
    assert p.status == 'ok' : "${p.name}: ${p.reason}"
    assert p.applied.rustcCommand.contains('-Zautodiff=Enable')
    assert p.applied.rustcCommand.contains('-C lto=fat')
    assert p.kernels[0].gradientCheck.ok
    assert p.compile.full.cpuMs.median > 0
}
assert report.profiles.find { it.name == 'enzyme-nott-inline' }.applied.rustcCommand.contains('-Zautodiff=Enable,NoTT,Inline')
return true
