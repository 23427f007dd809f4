def log = new File(basedir, 'build.log').text
assert log.contains("profile 'typo': unknown setting <optlevel> (did you mean <optLevel>?)")
assert log.contains("kernel 'k': size '-4' is not a whole number of at least 1")
// Every problem at once: the second mistake of the same profile, unsafe names, duplicates.
assert log.contains("profile 'typo': <lto> is 'fatt'; use one of")
assert log.contains("profile '..': a profile name names a folder")
assert log.contains("two kernels are named 'dup'")
assert log.contains("kernel 'twice': size 8 is listed twice")
assert log.contains("kernel '=HYPERLINK': a kernel name appears in reports")
assert log =~ /kernel 'huge': size 2000000000 needs about \d+\.\d GiB of heap in each kernel fork/
// Values that are not numbers are named with the rest, not stopped at by Maven's converter.
assert log.contains("ctime.gradientTolerance is '1e-4x', which is not a number")
assert log.contains("ctime.forks is 'six', which is not a number")
assert !new File(basedir, 'target/ctime/report.json').exists()
return true
