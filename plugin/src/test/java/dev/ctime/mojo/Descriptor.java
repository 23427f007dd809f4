package dev.ctime.mojo;

import java.io.File;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Configures a mojo as Maven would with no POM configuration: every parameter's default from the
 * plugin descriptor the build generated (target/classes/META-INF/maven/plugin.xml), with
 * ${project.basedir} and ${project.build.directory} pointing into a test folder. Defaults come from
 * the descriptor, not from a copy in the test, so a test sees what a user gets.
 */
final class Descriptor {
    private Descriptor() {
    }

    static <T> T configured(T mojo, Path basedir) throws Exception {
        Element m = mojoElement(mojo.getClass().getName());
        NodeList config = ((Element) m.getElementsByTagName("configuration").item(0)).getChildNodes();
        Map<String, String> vars = Map.of("${project.basedir}", basedir.toString(), "${project.build.directory}",
                basedir.resolve("target").toString());
        for (int i = 0; i < config.getLength(); i++) {
            if (!(config.item(i) instanceof Element e) || !e.hasAttribute("default-value")) continue;
            String v = e.getAttribute("default-value");
            for (var kv : vars.entrySet()) v = v.replace(kv.getKey(), kv.getValue());
            if (v.contains("${")) continue; // ${project}, ${plugin}, …: Maven's objects, absent in a unit test
            Field f = field(mojo.getClass(), e.getTagName());
            if (f == null) continue;
            f.setAccessible(true);
            Class<?> t = f.getType();
            f.set(mojo, t == int.class ? Integer.parseInt(v) : t == long.class ? Long.parseLong(v)
                    : t == double.class ? Double.parseDouble(v) : t == boolean.class ? Boolean.parseBoolean(v)
                    : t == File.class ? new File(v) : v);
        }
        return mojo;
    }

    private static Element mojoElement(String implementation) throws Exception {
        Path xml = Path.of("target/classes/META-INF/maven/plugin.xml");
        NodeList mojos = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile()).getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element m = (Element) mojos.item(i);
            Node impl = m.getElementsByTagName("implementation").item(0);
            if (impl != null && impl.getTextContent().strip().equals(implementation)) return m;
        }
        throw new IllegalStateException(implementation + " is not in " + xml + ": run the build's process-classes phase first");
    }

    private static Field field(Class<?> c, String name) {
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            try {
                return k.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                // a parameter of a superclass
            }
        }
        return null;
    }
}
