package dev.ctime.mojo;

import dev.ctime.model.Problem;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** How a goal's problems read in Maven: each {@code {setting}} spelt as its user writes it, from the goal's own descriptor. */
final class Spelling {
    private static final Map<Class<?>, Map<String, String>> BY_GOAL = new ConcurrentHashMap<>();

    private Spelling() {
    }

    static String of(Class<?> mojo, Problem p) {
        Map<String, String> properties = BY_GOAL.computeIfAbsent(mojo, PropertyNames::byParameter);
        return p.spelt(s -> PropertyNames.spelling(s, properties));
    }
}
