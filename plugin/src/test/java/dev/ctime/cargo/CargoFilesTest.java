package dev.ctime.cargo;

import dev.ctime.exec.EnvironmentException;
import dev.ctime.exec.Processes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CargoFilesTest {
    @TempDir
    Path dir;

    @Test
    void configScanFindsWhereRustflagsAreSet() throws IOException {
        Path f = Path.of("config.toml");
        assertEquals(Set.of(CargoToml.Table.BUILD), CargoToml.rustflagsTables("[build]\nrustflags = [\"-Ca\"]\n", f));
        assertEquals(Set.of(CargoToml.Table.TARGET), CargoToml.rustflagsTables("[target.x86_64-unknown-linux-gnu]\nrustflags = [\"-Ca\"]\n", f));
        assertEquals(Set.of(CargoToml.Table.TARGET), CargoToml.rustflagsTables("[target.'cfg(unix)']\nlinker = \"cc\"\nrustflags = []\n", f));
        assertEquals(Set.of(CargoToml.Table.BUILD), CargoToml.rustflagsTables("build.rustflags = [\"-Ca\"]\n", f));
        assertEquals(Set.of(), CargoToml.rustflagsTables("[build]\n# rustflags = []\njobs = 2\n", f));
        // What a line scanner gets wrong: inline tables, multi-line arrays, a rustflags key of another table.
        assertEquals(Set.of(CargoToml.Table.BUILD, CargoToml.Table.TARGET), CargoToml.rustflagsTables("build = { rustflags = [\"-Ca\"] }\n"
                + "target = { x86_64-unknown-linux-gnu = { rustflags = [\"-Cb\"] } }\n", f));
        assertEquals(Set.of(CargoToml.Table.BUILD), CargoToml.rustflagsTables("[build]\nrustflags = [\n  \"-Ca\",\n  \"-Cb\",\n]\n", f));
        assertEquals(Set.of(), CargoToml.rustflagsTables("[env]\nrustflags = \"not cargo's\"\n[host]\nrustflags = []\n", f));
        IOException bad = assertThrows(IOException.class, () -> CargoToml.rustflagsTables("[build\nrustflags = 1\n", f));
        assertTrue(bad.getMessage().startsWith("config.toml is not valid TOML"), bad.getMessage());
        Path crate = Files.createDirectories(dir.resolve("ws/crate"));
        Files.createDirectories(dir.resolve("ws/.cargo"));
        Files.writeString(dir.resolve("ws/.cargo/config.toml"), "[target.x86_64-unknown-linux-gnu]\nrustflags = [\"-Cx\"]\n");
        CargoConfigScan.Result r = CargoConfigScan.scan(crate, Map.of("CARGO_HOME", dir.resolve("home").toString()));
        assertEquals(List.of(dir.resolve("ws/.cargo/config.toml")), r.files());
        assertTrue(r.hasTargetRustflags());
    }

    @Test
    void manifestRewriteMakesDependencyPathsAbsoluteAndAddsAWorkspace() throws IOException {
        String toml = "[package]\nname = \"k\"\n\n[lib]\npath = \"src/lib.rs\"\n\n[dependencies]\nutil = { path = \"../util\" }\n"
                + "abs = { path = \"/opt/abs\" }\n\n[dependencies.other]\npath = \"../other\"\n";
        String out = SourceCopy.rewriteManifest(toml, Path.of("/home/u/proj/crate"));
        assertTrue(out.contains("path = \"src/lib.rs\""), "the lib path stays relative to the copy");
        assertTrue(out.contains("util = { path = \"/home/u/proj/util\" }"), out);
        assertTrue(out.contains("abs = { path = \"/opt/abs\" }"));
        assertTrue(out.contains("path = \"/home/u/proj/other\""));
        assertTrue(out.contains("\n[workspace]\n"));
        assertFalse(SourceCopy.rewriteManifest("[package]\n[workspace]\nmembers = []\n", Path.of("/x")).contains("added by ctime"));
        // Dotted keys and target-specific dependencies are dependencies too; a [lib] path is not.
        String dotted = SourceCopy.rewriteManifest("[package]\nname = \"k\"\n[lib]\npath = \"../shared/lib.rs\"\n"
                + "[target.'cfg(unix)'.dependencies]\nposix = { path = \"../posix\" }\n[dependencies]\nsib.path = \"../sib\"\n",
                Path.of("/p/k"));
        assertTrue(dotted.contains("posix = { path = \"/p/posix\" }"), dotted);
        assertTrue(dotted.contains("sib.path = \"/p/sib\""), dotted);
        assertTrue(dotted.contains("path = \"../shared/lib.rs\""), "the crate's own lib path stays as written: " + dotted);
        // TOML's literal strings, in single quotes, are paths too.
        String single = SourceCopy.rewriteManifest("[package]\nname = 'k'\n[dependencies]\ndb = { path = '../b' }\n", Path.of("/p/k"));
        assertTrue(single.contains("db = { path = '/p/b' }"), single);
    }

    @Test
    void copyLeavesTargetAndGitBehind() throws Exception {
        Path crate = Files.createDirectories(dir.resolve("crate"));
        Files.writeString(crate.resolve("Cargo.toml"), "[package]\nname = \"k\"\n");
        Files.createDirectories(crate.resolve("src"));
        Files.writeString(crate.resolve("src/lib.rs"), "pub fn f() {}\n");
        Files.createDirectories(crate.resolve("target/debug"));
        Files.writeString(crate.resolve("target/debug/big"), "x");
        Files.createDirectories(crate.resolve(".git"));
        CrateInfo info = new CrateInfo(crate.resolve("Cargo.toml"), "k", "0.1.0", "k", List.of(), true, crate, Path.of("src/lib.rs"));
        Path copy = dir.resolve("copy");
        Path manifest = SourceCopy.create(info, copy);
        assertEquals(copy.resolve("Cargo.toml"), manifest);
        assertTrue(Files.exists(copy.resolve("src/lib.rs")));
        assertFalse(Files.exists(copy.resolve("target")));
        assertFalse(Files.exists(copy.resolve(".git")));
        SourceCopy.create(info, copy);
        assertTrue(Files.exists(copy.resolve("src/lib.rs")), "recreating replaces the old copy");
    }

    @Test
    void anOutputFolderInsideTheCrateIsLeftOutOfEveryCopy() throws Exception {
        Path crate = Files.createDirectories(dir.resolve("crate2"));
        Files.writeString(crate.resolve("Cargo.toml"), "[package]\nname = \"k\"\n");
        Files.createDirectories(crate.resolve("src"));
        Files.writeString(crate.resolve("src/lib.rs"), "pub fn f() {}\n");
        Path output = crate.resolve("measurements");
        Files.createDirectories(output.resolve("profiles/release/src/src"));
        Files.writeString(output.resolve("profiles/release/lib.so"), "x".repeat(1000));
        CrateInfo info = new CrateInfo(crate.resolve("Cargo.toml"), "k", "0.1.0", "k", List.of(), true, crate, Path.of("src/lib.rs"));
        Path copy = output.resolve("profiles/dev/src");
        SourceCopy.create(info, copy, output);
        assertTrue(Files.exists(copy.resolve("src/lib.rs")));
        assertFalse(Files.exists(copy.resolve("measurements")), "the other profiles' output is not copied");
    }

    @Test
    void toolchainFromRustcVerbose() {
        String vv = "rustc 1.97.0-nightly (e50aa6fba 2026-05-19)\nbinary: rustc\ncommit-hash: e50a\ncommit-date: 2026-05-19\n"
                + "host: x86_64-unknown-linux-gnu\nrelease: 1.97.0-nightly\nLLVM version: 22.1.4\n";
        Toolchain t = Toolchain.parse("nightly", vv, Path.of("/sys"));
        assertTrue(t.isNightly());
        assertEquals("22", t.llvmMajor());
        assertEquals("x86_64-unknown-linux-gnu", t.host());
        assertEquals("rustc 1.97.0-nightly (e50aa6fba 2026-05-19)", t.rustcVersion());
        Toolchain s = Toolchain.parse(null, vv.replace("1.97.0-nightly", "1.95.0"), null);
        assertEquals("stable", s.channel());
        assertFalse(s.isNightly());
        assertEquals("default", s.displayName());
    }

    @Test
    void crateInfoFromCargoMetadata() throws IOException {
        String json = "{\"packages\":[{\"name\":\"demo-kernels\",\"version\":\"0.1.0\",\"manifest_path\":\"/c/Cargo.toml\","
                + "\"features\":{\"autodiff\":[]},\"targets\":[{\"kind\":[\"bin\"],\"name\":\"tool\",\"src_path\":\"/c/src/main.rs\"},"
                + "{\"kind\":[\"cdylib\"],\"name\":\"demo-kernels\",\"src_path\":\"/c/src/lib.rs\"}]}],\"workspace_root\":\"/c\"}";
        CrateInfo c = CrateInfo.parse(Path.of("/c/Cargo.toml"), json);
        assertEquals("demo_kernels", c.crateName());
        assertEquals(List.of("autodiff"), c.features());
        assertTrue(c.cdylib());
        assertEquals(Path.of("src/lib.rs"), c.libSource());
        String noLib = json.replace(",{\"kind\":[\"cdylib\"],\"name\":\"demo-kernels\",\"src_path\":\"/c/src/lib.rs\"}", "");
        IOException e = assertThrows(IOException.class, () -> CrateInfo.parse(Path.of("/c/Cargo.toml"), noLib));
        assertTrue(e.getMessage().contains("crate-type = [\"cdylib\"]"));
    }

    @Test
    void aPinnedToolchainThatIsNotInstalledIsNamedWithItsPinFile() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Processes.which("cargo") != null, "cargo on the PATH");
        Path crate = Files.createDirectories(dir.resolve("pinned/src"));
        Files.writeString(crate.resolveSibling("Cargo.toml"), "[package]\nname = \"pinned\"\nversion = \"0.1.0\"\nedition = \"2021\"\n"
                + "[lib]\ncrate-type = [\"cdylib\"]\n");
        Files.writeString(crate.resolve("lib.rs"), "");
        // A toolchain no machine has: rustup refuses it without trying a download.
        Files.writeString(dir.resolve("rust-toolchain.toml"), "[toolchain]\nchannel = \"1.0.0\"\n");
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("RUSTUP_TOOLCHAIN") == null, "no override in the environment");
        IOException e = assertThrows(EnvironmentException.class, () -> CrateInfo.read(crate.resolveSibling("Cargo.toml"), dir));
        assertTrue(e.getMessage().contains("the toolchain 1.0.0-"), e.getMessage());
        assertTrue(e.getMessage().contains("pinned by " + dir.resolve("rust-toolchain.toml").toAbsolutePath().normalize()), e.getMessage());
        assertTrue(e.getMessage().contains("rustup toolchain install 1.0.0)"), e.getMessage());
        assertFalse(e.getMessage().contains("backtrace"), e.getMessage());
    }

    @Test
    void otherFailuresLoseOnlyTheBacktrace() {
        assertEquals("error: x\nhelp: y", CrateInfo.withoutBacktrace("error: x\nhelp: y\n\nStack backtrace:\n   0: anyhow"));
        assertEquals(null, CrateInfo.missingPinnedToolchain(dir, "error: could not find Cargo.toml"));
    }

    @Test
    void missingManifestSaysWhereToPointCtime() {
        // A project problem, told apart from an I/O failure.
        IOException e = assertThrows(EnvironmentException.class, () -> CrateInfo.read(dir.resolve("nope/Cargo.toml"), dir));
        assertTrue(e.getMessage().contains("no Cargo.toml at"));
        assertTrue(e.getMessage().contains("<manifestPath>"));
    }

    @Test
    void execKillsTheWholeTreeOnTimeout() throws Exception {
        Path pidFile = dir.resolve("pid");
        // The limit is long enough for the shell to start its child on a loaded machine; the child sleeps far longer.
        Processes.Result r = Processes.run(List.of("sh", "-c", "sleep 300 & echo $! > " + pidFile + "; wait"), dir, Map.of(),
                java.time.Duration.ofSeconds(3), dir, "sleepy");
        assertTrue(r.timedOut());
        long child = Long.parseLong(Files.readString(pidFile).strip());
        for (int i = 0; i < 50 && ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false); i++) Thread.sleep(100);
        assertFalse(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false), "the grandchild was left running");
    }

    @Test
    void aWorkspaceMembersPathsStayInsideTheCopiedWorkspaceAndOnlyEscapingOnesPointAtTheOriginals() throws IOException {
        String toml = "[package]\nname = \"k\"\nedition.workspace = true\n\n[dependencies]\n"
                + "sib = { path = \"../helper\" }\nfar = { path = \"../../vendor/far\" }\n";
        String out = SourceCopy.rewriteManifest(toml, Path.of("/ws/kernels"), Path.of("/ws"));
        assertTrue(out.contains("sib = { path = \"../helper\" }"), out);
        assertTrue(out.contains("far = { path = \"/vendor/far\" }"), out);
        assertFalse(out.contains("[workspace]"), "a member stays in its workspace: " + out);
        String alone = SourceCopy.rewriteManifest(toml, Path.of("/ws/kernels"));
        assertTrue(alone.contains("sib = { path = \"/ws/helper\" }") && alone.contains("[workspace]"), alone);
    }

    @Test
    void aCrateFolderThatIsASymbolicLinkIsFingerprintedWhereItLeads() throws Exception {
        Path real = dir.resolve("elsewhere/crate");
        Files.createDirectories(real.resolve("src"));
        Files.writeString(real.resolve("Cargo.toml"), "[package]\nname = \"x\"\n");
        Files.writeString(real.resolve("src/lib.rs"), "pub fn f() {}\n");
        Path link = dir.resolve("project/src/main/rust");
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, real);
        Path out = dir.resolve("project/target/ctime");
        assertEquals(List.of("Cargo.toml", "src/lib.rs"), SourceFiles.all(link, out));
        assertEquals(SourceFiles.hashes(real, Set.of("src/lib.rs")), SourceFiles.hashes(link, Set.of("src/lib.rs")));
    }

    @Test
    void aBuildTargetIsFoundByNameInAConfigOrTheEnvironment() throws Exception {
        Path crate = dir.resolve("t/crate");
        Files.createDirectories(crate.resolve(".cargo"));
        Path cfg = crate.resolve(".cargo/config.toml");
        Files.writeString(cfg, "[build]\ntarget = \"x86_64-unknown-linux-gnu\"\n");
        CargoConfigScan.Result r = CargoConfigScan.scan(crate, Map.of("HOME", dir.resolve("home").toString()));
        assertEquals("build.target = x86_64-unknown-linux-gnu in " + cfg, r.buildTarget());
        Files.writeString(cfg, "[build]\njobs = 2\n");
        assertEquals(null, CargoConfigScan.scan(crate, Map.of("HOME", dir.resolve("home").toString())).buildTarget());
        assertEquals("CARGO_BUILD_TARGET=aarch64-unknown-linux-gnu in the environment", CargoConfigScan.scan(crate,
                Map.of("HOME", dir.resolve("home").toString(), "CARGO_BUILD_TARGET", "aarch64-unknown-linux-gnu")).buildTarget());
    }
}
