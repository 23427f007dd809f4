// Runs only where the nightly toolchain has a loadable Enzyme backend: rustc answers an empty
// crate built with -Zautodiff=Enable with "`main` function not found in crate" exactly when it loaded.
def dir = File.createTempDir()
def src = new File(dir, 'probe.rs')
src.text = ''
def p = ['rustup', 'run', 'nightly', 'rustc', '-Zautodiff=Enable', '--out-dir', dir.path, src.path].execute()
def err = new StringBuilder()
p.consumeProcessErrorStream(err)
p.waitFor()
return err.toString().contains('function not found in crate')
