package dev.ctime.render;

import dev.ctime.store.ReportFiles;
import dev.ctime.model.KernelTiming;
import dev.ctime.model.ProfileResult;
import dev.ctime.model.Report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCsvTest {
    @Test
    void csvCellsCannotRunAsFormulasAndNumbersStayNumbers() {
        assertEquals("'=HYPERLINK(\"x\")", ReportCsv.cell("=HYPERLINK(\"x\")").replace("\"\"", "\"").replaceAll("^\"|\"$", ""));
        assertEquals("'+cmd", ReportCsv.cell("+cmd"));
        assertEquals("'@sum", ReportCsv.cell("@sum"));
        assertEquals("'-x", ReportCsv.cell("-x"));
        assertEquals("-11", ReportCsv.cell("-11"));
        assertEquals("-1.5e-3", ReportCsv.cell("-1.5e-3"));
        assertEquals("a,b", ReportCsv.cell("a,b"), "quoting is the printer's (RFC 4180), not the cell's");
    }

    @Test
    void theCsvHasARowPerProfileScenarioAndKernelSizeWithTheReportsMedians() throws Exception {
        Report r = ReportFiles.readJson(Path.of("src/test/resources/reports/measure-basic.json"));
        List<String> lines = ReportCsv.csv(r).lines().toList();
        int rows = r.profiles().stream().mapToInt(p -> p.compile().size() * p.kernels().size()).sum();
        assertEquals(1 + rows, lines.size());
        List<String> header = List.of(lines.get(0).split(","));
        ProfileResult p = r.profiles().get(0);
        KernelTiming k = p.kernels().get(0);
        String[] first = lines.get(1).split(",", -1);
        assertEquals(p.name(), first[header.indexOf("profile")]);
        assertEquals(k.name(), first[header.indexOf("kernel")]);
        // Six significant digits: the CSV is for reading, report.json keeps every digit.
        assertEquals(1, Double.parseDouble(first[header.indexOf("primal_ns_median")]) / k.primalNs().median(), 1e-5);
        assertEquals(1, Double.parseDouble(first[header.indexOf("compile_cpu_ms_median")]) / p.compile().get("full").cpuMs().median(),
                1e-5);
        // Counts are whole numbers, never 1.10262e+06.
        assertEquals(Long.toString(Math.round(k.primalInstructions())), first[header.indexOf("primal_instructions")]);
    }

    @Test
    void theReportPointsToItsSchemaWrittenBesideIt(@TempDir Path dir) throws Exception {
        Report r = ReportFiles.readJson(Path.of("src/test/resources/reports/measure-basic.json"));
        Path f = dir.resolve("report.json");
        ReportFiles.writeJson(r, f);
        assertTrue(java.nio.file.Files.readString(f).startsWith("{\n  \"$schema\" : \"report.schema.json\""));
        Path schema = dir.resolve("report.schema.json");
        assertTrue(java.nio.file.Files.readString(schema).contains("\"$schema\""), "the schema itself is written beside it");
        assertEquals(r.profiles().size(), ReportFiles.readJson(f).profiles().size(), "and the report still reads");
    }

    @Test
    void reportsAreWrittenWholeAndReadableByAll(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("report.json");
        ReportFiles.atomically(f, "{}");
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count(), "no temporary file left behind");
        }
        Path blocked = Files.writeString(dir.resolve("file"), "x").resolve("report.json");
        java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> ReportFiles.atomically(blocked, "{}"));
        assertTrue(e.getMessage().startsWith("cannot write " + blocked), e.getMessage());
    }

    @Test
    void aSchema3ProfileWithTheReasonAmongThePhasesLoadsTyped(@TempDir Path dir) throws Exception {
        // Schema 3 kept the analysis and the applied settings as free maps: the reason sat among the phases.
        String v3 = "{\"schemaVersion\":3,\"tool\":\"ctime 0.1.0\",\"createdAt\":\"2026-11-21T00:00:00Z\",\"profiles\":["
                + "{\"name\":\"a\",\"status\":\"ok\",\"settings\":{},\"applied\":{\"fingerprint\":\"f0\",\"rustcCommand\":\"rustc x\","
                + "\"env\":{\"CARGO_INCREMENTAL\":\"0\",\"RUSTC_WRAPPER\":null},\"somethingOlder\":1},"
                + "\"analysis\":{\"phases\":{\"unavailable\":\"-Ztime-passes needs a nightly toolchain\"},\"codegenUnitsUsed\":16,"
                + "\"llvmLines\":[{\"function\":\"f\",\"lines\":10,\"copies\":1,\"share\":0.5}]}},"
                + "{\"name\":\"b\",\"status\":\"ok\",\"settings\":{},\"analysis\":{\"phases\":{\"frontend\":1.5,\"total\":3.0},"
                + "\"enzymePassMs\":103.7,\"rustcInstructions\":301301799}}]}";
        Report r = ReportFiles.readJson(Files.writeString(dir.resolve("v3.json"), v3));
        ProfileResult a = r.profiles().get(0);
        assertEquals("f0", a.applied().fingerprint());
        assertEquals("rustc x", a.applied().rustcCommand());
        assertTrue(a.applied().env().containsKey("RUSTC_WRAPPER"));
        assertEquals(null, a.analysis().phases(), "a reason is no phase");
        assertEquals(16, a.analysis().codegenUnitsUsed());
        assertEquals(10, a.analysis().llvmLines().get(0).lines());
        ProfileResult b = r.profiles().get(1);
        assertTrue(b.analysis().hasPhases());
        assertEquals(3.0, b.analysis().phases().get("total"));
        assertEquals(103.7, b.analysis().enzymePassMs());
        assertEquals(301301799L, b.analysis().rustcInstructions());
        // Written again and read back: the same typed values.
        Path again = dir.resolve("again.json");
        ReportFiles.writeJson(r, again);
        assertEquals(r.profiles(), ReportFiles.readJson(again).profiles());
    }

    @Test
    void anOlderReportAndOneWithAFieldMoreLoadButANewerSchemaIsRefused(@TempDir Path dir) throws Exception {
        // The shape a schema-2 report had: no instruction counts, no autodiff, no interrupted; and a field this version lacks.
        String old = "{\"schemaVersion\":2,\"tool\":\"ctime 0.1.0\",\"createdAt\":\"2026-11-20T22:43:47Z\","
                + "\"fieldFromTheFuture\":{\"x\":1},\"profiles\":[{\"name\":\"release\",\"status\":\"ok\","
                + "\"settings\":{},\"compile\":{\"full\":{\"cpuMs\":{\"median\":100.0,\"min\":90.0,\"max\":110.0,\"runs\":3,"
                + "\"ciLow\":90.0,\"ciHigh\":110.0}}},\"kernels\":[{\"name\":\"k\",\"n\":64,\"status\":\"ok\","
                + "\"primalNs\":{\"median\":5.0,\"min\":4.0,\"max\":6.0,\"runs\":2,\"ciLow\":4.0,\"ciHigh\":6.0},"
                + "\"primalBatch\":1,\"gradientBatch\":0,\"warmupMs\":1}]}]}";
        Path f = Files.writeString(dir.resolve("old.json"), old);
        Report r = ReportFiles.readJson(f);
        assertEquals(2, r.schemaVersion());
        assertEquals(100.0, r.profiles().get(0).compile().get("full").cpuMs().median());
        assertEquals(null, r.profiles().get(0).kernels().get(0).primalInstructions());
        Path newer = Files.writeString(dir.resolve("newer.json"), old.replace("\"schemaVersion\":2", "\"schemaVersion\":99"));
        java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> ReportFiles.readJson(newer));
        assertTrue(e.getMessage().contains("report schema 99, newer than this ctime's " + Report.SCHEMA_VERSION), e.getMessage());
    }
}
