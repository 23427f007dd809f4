// Long lines are wrapped within 100 columns: read them joined.
def log = new File(basedir, 'build.log').text.replaceAll(/\r?\n\[(INFO|WARNING)\] +/, ' ')
def rustc = ['rustc', '-vV'].execute().text
def release = (rustc =~ /release: (\S+)/)[0][1]
assert log.contains("toolchain default: rustc ${release}")
assert log =~ /linker mold: (found at|not found; to fix: apt-get install mold)/
assert log.contains('hardware counters: ')
// Measurement conditions.
assert log =~ /load: \d+\.\d\d over the last minute on \d+ CPUs/
assert log.contains('CPU frequency governor: ')
assert log =~ /instruction counts: (Valgrind found at|Valgrind not found; to fix: apt-get install valgrind)/
// PGO and BOLT tools, matched to each toolchain's LLVM major, or how to get them.
assert log =~ / PGO: (llvm-profdata at \S+ \(.*LLVM version \d+|unavailable: no llvm-profdata for LLVM \d+)/
assert log =~ / BOLT: (llvm-bolt at \S+ and merge-fdata at |unavailable: )/
// Whatever the machine has, doctor says it: present, or missing with where and how.
def nightly = ['rustup', 'run', 'nightly', 'rustc', '-vV'].execute()
nightly.waitFor()
if (nightly.exitValue() == 0) {
    assert log =~ /toolchain nightly: rustc .*nightly/
    assert log =~ /Enzyme: present and loadable \(.*libEnzyme-\d+\.so, [\d.]+ MB, sha256 [0-9a-f]{12}…, modified \d{4}-\d\d-\d\d\)|Enzyme: missing, expected at .*libEnzyme-\d+\.so/
    if (!log.contains('Enzyme: present')) assert log.contains('to fix: rustup component add enzyme --toolchain nightly')
    // The stable default toolchain is not told to install the nightly listed beside it.
    assert log.contains('Enzyme: not on a stable toolchain; autodiff profiles build on nightly (its lines follow)')
    assert !log.contains('#[autodiff] needs nightly: rustup toolchain install nightly')
} else {
    assert log.contains('toolchain nightly: not usable')
}
// Every line within 100 columns besides Maven's prefix.
new File(basedir, 'build.log').readLines().findAll { it.startsWith('[INFO] ') || it.startsWith('[WARNING] ') }.each {
    def text = it.replaceFirst(/^\[(INFO|WARNING)\] /, '')
    assert text.length() <= 100 || !text.strip().contains(' ') : "over 100 columns: ${text}"
}
return true
