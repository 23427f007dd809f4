// A copy of the basic crate whose sumsq does markedly more work (a second pass over x, its
// contribution scaled to nothing so the gradient stays right), and a baseline from another toolchain.
def src = new File(itCrates, 'basic')
def slow = new File(basedir, 'slow-crate')
src.eachFileRecurse { f ->
    def rel = src.toPath().relativize(f.toPath()).toString()
    if (rel.startsWith('target') || f.isDirectory()) return
    def out = new File(slow, rel)
    out.parentFile.mkdirs()
    out.bytes = f.bytes
}
def lib = new File(slow, 'src/lib.rs')
def before = 'slice::from_raw_parts(x, n).iter().map(|v| v * v).sum()'
assert lib.text.contains(before)
lib.text = lib.text.replace(before, '{ let xs = slice::from_raw_parts(x, n); xs.iter().map(|v| v * v).sum::<f64>()'
        + ' + 1e-300 * xs.iter().map(|v| v.abs().sqrt().ln_1p()).sum::<f64>() }')

def dir = new File(basedir, 'src/ctime')
dir.mkdirs()
new File(dir, 'other-toolchain.json').text = '''{
  "schemaVersion": 2, "tool": "ctime", "createdAt": "2026-01-01T00:00:00Z",
  "toolchain": {"rustcVersion": "rustc 1.80.0 (051478957 2024-07-21)"},
  "toolchains": [{"name": "default", "rustcVersion": "rustc 1.80.0 (051478957 2024-07-21)"}],
  "profiles": [{"name": "release", "status": "ok", "settings": {"optLevel": "3"}, "compile": {}, "kernels": []}],
  "baseline": {"name": "other-toolchain", "savedAt": "2026-01-01T00:00:00Z"}
}
'''
return true
