def log = new File(basedir, 'build.log').text
assert log.contains('no Cargo.toml at ' + new File(basedir, 'Cargo.toml').path)
assert log.contains('set <manifestPath>')
return true
