package dev.ctime.mojo;

import dev.ctime.run.RawConfiguration;
import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.Set;

/**
 * A goal's parameters onto the raw configuration by name: each public field of {@link RawConfiguration} takes the
 * parameter of the same name, a number read by {@link ParameterValues} (so an unreadable one is a problem said with
 * the rest), a file as a path. A new setting is a parameter and a raw field of one name, and nothing else to copy.
 */
final class RawMapping {
    /** Raw fields the goal fills itself: elements read from their XML, values it derives, and what no parameter gives. */
    static final Set<String> BY_HAND = Set.of("manifest", "profiles", "matrix", "kernels", "workloadItems", "workload",
            "forkClasspath", "jdk", "env", "valueProblems", "elementProblems");

    private RawMapping() {
    }

    static void copy(Object goal, RawConfiguration raw, ParameterValues values) {
        for (Field r : RawConfiguration.class.getFields()) {
            if (Modifier.isStatic(r.getModifiers()) || BY_HAND.contains(r.getName())) continue;
            Field p = parameter(goal.getClass(), r.getName());
            try {
                p.setAccessible(true);
                r.set(raw, convert(r.getName(), r.getType(), p.get(goal), values));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("parameter " + r.getName() + " cannot be read", e);
            }
        }
    }

    /** The goal's field of that name, in its class or a superclass; a raw field without one is a mistake in ctime. */
    static Field parameter(Class<?> goal, String name) {
        for (Class<?> c = goal; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                // up to the superclass
            }
        }
        throw new IllegalStateException("the raw configuration's field " + name + " has no parameter of that name in "
                + goal.getSimpleName() + ": add one, or fill it by hand (RawMapping.BY_HAND)");
    }

    private static Object convert(String name, Class<?> to, Object value, ParameterValues values) {
        if (value instanceof String s && to == int.class) return values.integer(name, s);
        if (value instanceof String s && to == long.class) return values.whole(name, s);
        if (value instanceof String s && to == double.class) return values.decimal(name, s);
        if (value instanceof File f && to == Path.class) return f.toPath();
        if (value == null && to.isPrimitive()) throw new IllegalStateException("parameter " + name + " has no value");
        return value;
    }
}
