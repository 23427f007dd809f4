def log = new File(basedir, 'build.log').text
assert log.contains("kernel 'sumsq': the gradient symbol 'sumsq_grd' is not exported by libit_basic.so (did you mean 'sumsq_grad'?)")
assert log.contains("kernel 'chain': the primal symbol 'chian' is not exported by libit_basic.so (did you mean 'chain'?)")
// Found right after the first build: no timed build ran.
assert !log.contains('repetition 1/')
return true
