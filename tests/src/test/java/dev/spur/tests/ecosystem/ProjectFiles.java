package dev.spur.tests.ecosystem;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Spur's source tree as the tests see it: its root folder, its README, its POMs read as XML. */
final class ProjectFiles {

    private ProjectFiles() {
    }

    /** The repository's root: the parent of the tests module (Surefire sets {@code basedir} to the module). */
    static Path root() {
        Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        return module.getParent();
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A POM's document, namespace-unaware so that paths are plain element names. */
    static Document pom(Path file) {
        return pom(read(file), file.toString());
    }

    /** The document of a POM's text; {@code origin} names it in errors. */
    static Document pom(String xml, String origin) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new InputSource(new StringReader(xml)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + origin, e);
        }
    }

    /**
     * The versions of the plugins a POM names in {@code build/plugins} and
     * {@code build/pluginManagement/plugins}, by {@code groupId:artifactId}.
     */
    static Map<String, String> pluginVersions(Document pom) {
        Map<String, String> versions = new TreeMap<>();
        NodeList plugins = pom.getElementsByTagName("plugin");
        for (int i = 0; i < plugins.getLength(); i++) {
            Element plugin = (Element) plugins.item(i);
            String version = child(plugin, "version");
            if (version != null) {
                String group = child(plugin, "groupId");
                versions.put((group == null ? "org.apache.maven.plugins" : group) + ":" + child(plugin, "artifactId"),
                        version);
            }
        }
        return versions;
    }

    /** The text of the child element {@code name} of {@code parent}, or null when it has none. */
    static String child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element.getTextContent().trim();
            }
        }
        return null;
    }

    /** The child element {@code name} of {@code parent}, or null when it has none. */
    static Element childElement(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        return null;
    }

    /** Spur's version, as the root POM declares it. */
    static String version() {
        return child(pom(root().resolve("pom.xml")).getDocumentElement(), "version");
    }
}
