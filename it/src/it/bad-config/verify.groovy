def log = new File(basedir, 'build.log').text
assert log.contains("profile 'typo': unknown setting <optlevel> (did you mean <optLevel>?)")
assert log.contains("kernel 'k': size '-4' is not a whole number of at least 1")
assert !new File(basedir, 'target/ctime/report.json').exists()
return true
