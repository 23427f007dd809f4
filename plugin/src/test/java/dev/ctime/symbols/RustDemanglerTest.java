package dev.ctime.symbols;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Test vectors of the v0 scheme (RFC 2603) as rustc-demangle's test suite publishes them, and legacy names. */
class RustDemanglerTest {
    private static void v0(String mangled, String expected) {
        assertEquals(expected, RustDemangler.demangle(mangled), mangled);
    }

    /** A type printed through an inherent impl path: {@code _RMC0<type>} reads {@code <type>}. */
    private static void type(String mangled, String expected) {
        v0("_RMC0" + mangled, "<" + expected + ">");
    }

    /** A const generic argument: {@code _RIC0K<const>E} reads {@code ::<const>}. */
    private static void constant(String mangled, String expected) {
        v0("_RIC0K" + mangled + "E", "::<" + expected + ">");
    }

    @Test
    void pathsClosuresAndCrates() {
        v0("_RNvC6_123foo3bar", "123foo::bar");
        v0("_RC4f128", "f128");
        v0("_RNCNCNgCs6DXkGYLi8lr_2cc5spawn00B5_", "cc::spawn::{closure#0}::{closure#0}");
        v0("_RNCINkXs25_NgCsbmNqQUJIY6D_4core5sliceINyB9_4IterhENuNgNoBb_4iter8iterator8Iterator9rpositionNCNgNpB9_6memchr"
                + "7memrchrs_0E0Bb_",
                "<core::slice::Iter<u8> as core::iter::iterator::Iterator>::rposition::<core::slice::memchr::memrchr::{closure#1}>"
                        + "::{closure#0}");
        v0("_RNvCs104slkWgemD_7gmm_ext13gmm_objective", "gmm_ext::gmm_objective");
    }

    @Test
    void punycodeIdentifiers() {
        v0("_RNqCs4fqI2P2rA04_11utf8_identsu30____7hkackfecea1cbdathfdh9hlq6y", "utf8_idents::საჭმელად_გემრიელი_სადილი");
    }

    @Test
    void dynTraitsWithAssociatedTypes() {
        v0("_RINbNbCskIICzLVDPPb_5alloc5alloc8box_freeDINbNiB4_5boxed5FnBoxuEp6OutputuEL_ECs1iopQbuBiw2_3std",
                "alloc::alloc::box_free::<dyn alloc::boxed::FnBox<(), Output = ()>>");
    }

    @Test
    void typesAndPatternTypes() {
        type("INtC8arrayvec8ArrayVechKj7b_E", "arrayvec::ArrayVec<u8, 123>");
        type("WmRm1_m9_", "u32 is 1..=9");
        type("WmORm1_m2_Rm5_m6_E", "u32 is 1..=2 | 5..=6");
        assertEquals("_RMC0WmORm1_m2_Rm5_m6_", RustDemangler.demangle("_RMC0WmORm1_m2_Rm5_m6_"), "unterminated: left alone");
        type("TTTTTTpB8_EB7_EB6_EB5_EB4_EB3_E", "((((((_, _), (_, _)), ((_, _), (_, _))), (((_, _), (_, _)), ((_, _), (_, _)))), "
                + "((((_, _), (_, _)), ((_, _), (_, _))), (((_, _), (_, _)), ((_, _), (_, _))))), "
                + "(((((_, _), (_, _)), ((_, _), (_, _))), (((_, _), (_, _)), ((_, _), (_, _)))), "
                + "((((_, _), (_, _)), ((_, _), (_, _))), (((_, _), (_, _)), ((_, _), (_, _))))))");
        type("RSd", "&[f64]");
        type("QAdj8_", "&mut [f64; 8]");
        type("FKCRSdQSdEd", "extern \"C\" fn(&[f64], &mut [f64]) -> f64");
    }

    @Test
    void constGenerics() {
        constant("p", "_");
        constant("hb_", "11");
        constant("off00ff00ff00ff00ff_", "0xff00ff00ff00ff00ff");
        constant("s98_", "152");
        constant("anb_", "-11");
        constant("b0_", "false");
        constant("b1_", "true");
        constant("c76_", "'v'");
        constant("c22_", "'\"'");
        constant("ca_", "'\\n'");
        constant("c2202_", "'∂'");
        constant("e616263_", "{*\"abc\"}");
        constant("Re616263_", "\"abc\"");
        constant("Ree28882c3bc_", "\"∂ü\"");
        constant("Rh7b_", "{&123}");
        constant("RRRh0_", "{&&&0}");
        constant("QAE", "{&mut []}");
        constant("Ah1_h2_h3_E", "{[1, 2, 3]}");
        constant("AAh1_h2_EAh3_h4_EE", "{[[1, 2], [3, 4]]}");
        constant("Tj0_E", "{(0,)}");
        constant("TRe616263_c78_RAh1_h2_h3_EE", "{(\"abc\", 'x', &[1, 2, 3])}");
        constant("VNvINtNtC4core6option6OptionjE4NoneU", "{core::option::Option::<usize>::None}");
        constant("VNvINtNtC4core6option6OptionjE4SomeTj0_E", "{core::option::Option::<usize>::Some(0)}");
        constant("VNtC3foo3BarS1sRe616263_2chc78_5sliceRAh1_h2_h3_EE", "{foo::Bar { s: \"abc\", ch: 'x', slice: &[1, 2, 3] }}");
    }

    @Test
    void suffixesFromThinLtoAndStatics() {
        v0("_RC3foo.llvm.9D1C9369", "foo");
        v0("_RC3foo.llvm.9D1C9369@@16", "foo");
        v0("_RNvC9backtrace3foo.llvm.A5310EB9", "backtrace::foo");
        v0("_RNvNtNtNtNtCs92dm3009vxr_4rand4rngs7adapter9reseeding4fork23FORK_HANDLER_REGISTERED.0.0",
                "rand::rngs::adapter::reseeding::fork::FORK_HANDLER_REGISTERED.0.0");
    }

    @Test
    void legacyNames() {
        assertEquals("test", RustDemangler.demangle("_ZN4testE"));
        assertEquals("foo::bar", RustDemangler.demangle("_ZN3foo3barE"));
        assertEquals("foo", RustDemangler.demangle("_ZN3foo17h05af221e174051e9E"));
        assertEquals("alloc::oom::oom", RustDemangler.demangle("_ZN5alloc3oom3oom17h722648b727b8bcd0E"));
        assertEquals("core::fmt::Write::write_char", RustDemangler.demangle("__ZN4core3fmt5Write10write_char17hcc5144a9a84f2b15E"));
        assertEquals("<core::slice::Iter<T> as core::iter::Iterator>::next",
                RustDemangler.demangle("_ZN67_$LT$core..slice..Iter$LT$T$GT$$u20$as$u20$core..iter..Iterator$GT$4next17h0123456789abcdefE"));
        assertEquals("_ZN4toolongE", RustDemangler.demangle("_ZN4toolongE"));
        assertEquals("_ZN10no_e_found", RustDemangler.demangle("_ZN10no_e_found"));
        assertEquals("malloc", RustDemangler.demangle("malloc"));
    }

    @Test
    void namesInsideEnzymesMessages() {
        assertEquals("preprocess_gmm_ext::gmm_objective",
                RustDemangler.demangleEmbedded("preprocess__RNvCs104slkWgemD_7gmm_ext13gmm_objective"));
        assertEquals("call to __enzyme_autodiff_gmm_ext::gmm_objective failed",
                RustDemangler.demangleEmbedded("call to __enzyme_autodiff__RNvCs104slkWgemD_7gmm_ext13gmm_objective failed"));
        assertEquals("no symbol here _Rx", RustDemangler.demangleEmbedded("no symbol here _Rx"));
    }
}
