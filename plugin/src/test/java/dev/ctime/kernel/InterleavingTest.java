package dev.ctime.kernel;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No library always runs behind the same neighbour: with a fixed order (and with one that only rotated), a byte-identical
 * copy of a library timed 7 to 16% apart from it, every fork the same way.
 */
class InterleavingTest {
    private static final List<String> LIBS = List.of("dev", "release", "thin", "fat", "hand", "hand-fat", "enzyme", "~control");

    @Test
    void everyRoundHasItsOwnOrderAndEveryLibraryFollowsManyNeighbours() {
        List<List<String>> rounds = KernelRunner.rounds(LIBS, 10, 42);
        assertEquals(10, rounds.size());
        rounds.forEach(r -> assertEquals(Set.copyOf(LIBS), Set.copyOf(r), "every library once a round"));
        rounds.forEach(r -> assertEquals(LIBS.size(), r.size()));
        assertTrue(new HashSet<>(rounds).size() >= 9, "the rounds' orders differ");
        Map<String, Set<String>> before = new HashMap<>();
        for (List<String> r : rounds) {
            for (int i = 1; i < r.size(); i++) before.computeIfAbsent(r.get(i), k -> new HashSet<>()).add(r.get(i - 1));
        }
        for (String lib : LIBS) {
            assertTrue(before.getOrDefault(lib, Set.of()).size() >= 4, lib + " follows only " + before.get(lib));
        }
        assertEquals(rounds, KernelRunner.rounds(LIBS, 10, 42), "a fork's plan fixes its orders");
        assertNotEquals(rounds, KernelRunner.rounds(LIBS, 10, 43));
    }

    @Test
    void eachForkLoadsAndWarmsItsLibrariesInItsOwnOrder() {
        List<ForkPlan.Library> libs = LIBS.stream().map(n -> new ForkPlan.Library(n, "/lib/" + n + ".so")).toList();
        Set<List<ForkPlan.Library>> orders = new HashSet<>();
        IntStream.rangeClosed(1, 6).forEach(f -> {
            List<ForkPlan.Library> o = ForkPlan.orderFor(libs, 42, f);
            assertEquals(Set.copyOf(libs), Set.copyOf(o));
            orders.add(o);
        });
        assertTrue(orders.size() >= 5, "six forks, (almost) six orders");
        assertEquals(ForkPlan.orderFor(libs, 42, 3), ForkPlan.orderFor(libs, 42, 3), "the same fork of the same run, the same order");
        // The first library, whose warm-up starts furthest from its batches, is not always the same one.
        assertTrue(IntStream.rangeClosed(1, 6).mapToObj(f -> ForkPlan.orderFor(libs, 42, f).get(0)).distinct().count() >= 3);
    }
}
