import groovy.json.JsonSlurper

// Each step runs ctime:measure as a Maven of its own (python3 restores SIGINT's default action,
// which a CI shell may have set to ignore for its children), watches its output, and kills it.
def run = new File(basedir, 'run')
run.mkdirs()
new File(run, 'pom.xml').text = """<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>dev.ctime.it</groupId><artifactId>interrupt-run</artifactId><version>1</version><packaging>pom</packaging>
  <build><plugins><plugin>
    <groupId>dev.ctime</groupId><artifactId>ctime-maven-plugin</artifactId><version>${projectVersion}</version>
    <configuration>
      <manifestPath>${new File(basedir, 'crate/Cargo.toml').path}</manifestPath>
      <repeat>2</repeat><maxRepeat>2</maxRepeat><forks>4</forks><maxForks>4</maxForks>
      <minSampleMs>0.5</minSampleMs><warmupMaxMs>50</warmupMaxMs><instructions>off</instructions><scenarios>full</scenarios>
      <profiles><profile><name>release</name></profile><profile><name>opt1</name><optLevel>1</optLevel></profile></profiles>
      <kernels><kernel><name>half_sq</name><primal>half_sq</primal><gradient>half_sq_grad</gradient>
        <sizes><size>1000</size><size>100000</size></sizes></kernel></kernels>
    </configuration>
  </plugin></plugins></build>
</project>
"""
def flag = new File(basedir, 'crate/slow.flag')
def reportFile = new File(run, 'target/ctime/report.json')
def goal = "dev.ctime:ctime-maven-plugin:${projectVersion}:measure".toString()

def start = { String name, List<String> extra, boolean ownGroup = false ->
    def log = new File(basedir, "nested-${name}.log")
    // In a process group of its own where the whole group is to be signalled, as a terminal's Ctrl-C or a CI cancel does.
    def cmd = ['python3', '-c', 'import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); ' + (ownGroup ? 'os.setpgrp(); ' : '')
               + 'os.execvp(sys.argv[1], sys.argv[1:])', 'mvn', '-B', '-o', goal] + extra
    def pb = new ProcessBuilder(cmd.collect { it.toString() }).directory(run).redirectErrorStream(true).redirectOutput(log)
    [pb.start(), log]
}
def waitFor = { File log, String text, int seconds ->
    for (int i = 0; i < seconds * 10; i++) {
        if (log.exists() && log.text.contains(text)) return true
        Thread.sleep(100)
    }
    throw new AssertionError("'${text}' did not appear in ${log} within ${seconds} s:\n" + (log.exists() ? log.text : ''))
}
def pgrep = { String pattern ->
    def p = ['pgrep', '-f', pattern].execute()
    p.waitFor()
    p.text.readLines().findAll { it.trim() }.findAll { pid ->
        // Zombies (dead, not yet reaped by a container's init) are not running.
        def stat = new File("/proc/${pid.trim()}/stat")
        !stat.exists() || !stat.text.substring(stat.text.lastIndexOf(')') + 2).startsWith('Z')
    }
}
def nothingLeft = { String when ->
    for (int i = 0; i < 100; i++) {
        def left = pgrep('sleep 617') + pgrep(basedir.path + '/(run|crate)') + pgrep('KernelRunner .*' + basedir.path)
        if (left.isEmpty()) return
        Thread.sleep(100)
    }
    def ps = ['ps', '-eo', 'pid,ppid,stat,args'].execute().text.readLines().findAll { it.contains('617') || it.contains(basedir.path) }
    throw new AssertionError("processes of the run outlived it (${when}):\n" + ps.join('\n'))
}
def killed = { Process p, String signal ->
    ['kill', "-${signal}", "${p.pid()}"].execute().waitFor()
    assert p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS) : "Maven did not end after SIG${signal}"
}
def killedGroup = { Process p, String signal ->
    ['kill', "-${signal}", '--', "-${p.pid()}"].execute().waitFor()
    assert p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS) : "Maven did not end after SIG${signal} to its process group"
}
def report = { new JsonSlurper().parse(reportFile) }
def finish = { String name, List<String> extra ->
    def (p, log) = start(name, extra)
    assert p.waitFor(600, java.util.concurrent.TimeUnit.SECONDS)
    assert p.exitValue() == 0 : log.text
    // Long messages go on indented lines: read them whole.
    log.text.replaceAll(/\r?\n\[(INFO|WARNING)\] {3,}/, ' ')
}

// 1. SIGINT during a build whose build script hangs after starting a setsid daemon.
flag.text = 'hang'
def (p1, log1) = start('sigint-build', [])
waitFor(log1, 'first build 1/', 300)
for (int i = 0; i < 600 && pgrep('sleep 617').isEmpty(); i++) Thread.sleep(100)
assert !pgrep('sleep 617').isEmpty() : 'the build script never started its daemon'
killed(p1, 'INT')
nothingLeft('SIGINT during a build')
def r1 = report()
assert r1.interrupted.startsWith('interrupted while building the profiles once') : r1.interrupted
assert r1.profiles.every { it.status == 'incomplete' } : r1.profiles*.status
assert new File(run, 'target/ctime/report.html').text.contains('This run was interrupted')
// The build the interruption stopped is not reported as a failed build.
assert !log1.text.contains('failed, the build failed') : 'an interrupted build read as a failure'
// The goal waits for the interruption's reports, so Maven never unloads ctime's classes under them.
assert !log1.text.contains('NoClassDefFoundError') && !log1.text.contains('could not be written') : log1.text

// 1b. Ctrl-C as a terminal sends it: SIGINT to the whole process group, cargo's and the build script's included, so the
// children die beside Maven's own hook. The reports are still written, with ctime's classes loaded, and nothing is left.
for (int i = 0; i < 3; i++) {
    ['report.json', 'report.html', 'report.csv'].each { f -> new File(run, "target/ctime/${f}").delete() }
    def (pg, logg) = start("sigint-group-build-${i}", [], true)
    waitFor(logg, 'first build 1/', 300)
    for (int j = 0; j < 600 && pgrep('sleep 617').isEmpty(); j++) Thread.sleep(100)
    // Each try at another moment of the build: as soon as the daemon runs, and later.
    Thread.sleep(i * 1500)
    killedGroup(pg, 'INT')
    nothingLeft('SIGINT to the process group during a build')
    def rg = report()
    assert rg.interrupted.startsWith('interrupted while building the profiles once') : "${i}: ${rg.interrupted}"
    assert rg.profiles.every { it.status == 'incomplete' } : rg.profiles*.status
    ['report.html', 'report.csv'].each { f -> assert new File(run, "target/ctime/${f}").exists() : "${i}: no ${f}" }
    assert !logg.text.contains('NoClassDefFoundError') && !logg.text.contains('could not be written') : logg.text
    assert !logg.text.contains('java.lang.InterruptedException') : "${i}: the interruption leaked: ${logg.text}"
    assert !logg.text.contains('failed, the build failed') : "${i}: an interrupted build read as a failure"
}

// 2. SIGKILL during the same build: Maven runs no hook, its children must still go.
def (p2, log2) = start('sigkill-build', [])
for (int i = 0; i < 3000 && pgrep('sleep 617').isEmpty(); i++) Thread.sleep(100)
killed(p2, 'KILL')
nothingLeft('SIGKILL during a build')
assert report().interrupted.startsWith('not finished') : 'a report left by a killed run does not pass for finished'

// 2b. A build timeout kills the hanging build with its detached daemon; the run goes on and says why, and since every
// profile's build timed out it measured nothing: it fails, never BUILD SUCCESS.
def (p2b, log2b) = start('timeout-build', ['-Dctime.buildTimeoutSeconds=5'])
assert p2b.waitFor(600, java.util.concurrent.TimeUnit.SECONDS)
assert p2b.exitValue() != 0 : log2b.text
def out2b = log2b.text.replaceAll(/\r?\n\[(INFO|WARNING|ERROR)\] {2,}/, ' ')
assert out2b.contains('ctime: nothing was measured: every profile failed or was skipped (release: failed, the build did not finish within 5 s') : out2b
nothingLeft('a build timeout')
assert report().profiles.every { it.status == 'failed' && it.reason.contains('did not finish within 5 s') } : report().profiles*.reason

// 3. The hang removed, -Dctime.resume finishes the run (nothing was finished to reuse).
flag.delete()
def out3 = finish('resume-after-build', ['-Dctime.resume'])
assert out3.contains('resume: reusing 0 finished profiles')
def r3 = report()
assert r3.interrupted == null && r3.profiles.every { it.status == 'ok' } : r3.profiles*.status

// 4. SIGINT during kernel timing, then 5. SIGKILL during kernel timing.
def (p4, log4) = start('sigint-kernels', [])
waitFor(log4, 'timing kernels, fork 1', 300)
killed(p4, 'INT')
nothingLeft('SIGINT during kernel timing')
def r4 = report()
assert r4.interrupted.startsWith('interrupted while timing kernels') : r4.interrupted
// The fork the interruption stopped is not reported as a crash.
assert !log4.text.contains('crashed the process') : 'an interrupted fork read as a crash'
assert !log4.text.contains('NoClassDefFoundError') && !log4.text.contains('could not be written') : log4.text
assert r4.profiles.every { it.status == 'incomplete' }
assert r4.profiles.every { it.compile.full.cpuMs.runs == 2 } : 'the builds measured before are kept'

// Killed once two forks have finished: the resumed run keeps them.
def (p5, log5) = start('sigkill-kernels', [])
waitFor(log5, 'timing kernels, fork 3/4', 300)
killed(p5, 'KILL')
nothingLeft('SIGKILL during kernel timing')
assert report().profiles.every { it.status == 'incomplete' }

// 6. Resume finishes it; 7. resuming a finished run reuses every profile and builds nothing.
def out6 = finish('resume-after-kernels', ['-Dctime.resume'])
assert report().profiles.every { it.status == 'ok' && it.kernels.size() == 2 }
// The timed builds the interrupted run finished are kept, not built again.
assert out6.contains('release (interrupted; keeping its 2 timed builds)') : out6
assert !(out6 =~ /ctime: build \d+\/\d+, /).find() : 'timed builds were measured again'
assert report().profiles.every { it.compile.full.cpuMs.runs == 2 && it.warnings.any { w -> w.startsWith('2 timed builds were kept') } }
assert (out6 =~ /timing kernels: keeping the [23] forks the interrupted run finished/).find() : out6
assert !out6.contains('timing kernels, fork 1/4') : 'finished forks were run again'
assert report().profiles.every { it.kernels.every { k -> k.primalNs.runs == 4 } } : 'kept and new forks together make ctime.forks'
assert report().profiles.every { it.warnings.any { w -> w ==~ /[23] kernel forks were kept from the interrupted run.*/ } }
def out7 = finish('resume-finished', ['-Dctime.resume'])
assert out7.contains('resume: reusing 2 finished profiles (release, opt1')
assert !out7.contains('first build 1/') && out7.contains('ctime: plan:')
def r7 = report()
assert r7.interrupted == null && r7.profiles.every { it.status == 'ok' }
assert r7.warnings.any { it.startsWith('resumed: ') }
// A run that reused profiles keeps no stage times: they would not be the time its profiles took, and the next estimate
// scales them.
assert r7.stagesMs == null
return true
