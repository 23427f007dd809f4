// Runs where a nightly toolchain is installed (autodiff needs one); reported as skipped elsewhere.
def p = ['rustup', 'run', 'nightly', 'rustc', '-vV'].execute()
p.waitFor()
return p.exitValue() == 0
