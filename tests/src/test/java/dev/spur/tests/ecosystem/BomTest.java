package dev.spur.tests.ecosystem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code spur-bom} lists exactly the modules that are published (every module of the reactor that
 * builds a jar and does not set {@code maven.deploy.skip}), at Spur's own version, and has no
 * parent, so that importing it brings no version of anything else.
 */
class BomTest {

    private final Path root = ProjectFiles.root();
    private final Element bom = ProjectFiles.pom(root.resolve("bom/pom.xml")).getDocumentElement();

    @Test
    void theBomHasSpursVersionAndNoParent() {
        assertEquals("spur-bom", ProjectFiles.child(bom, "artifactId"));
        assertEquals(ProjectFiles.version(), ProjectFiles.child(bom, "version"));
        assertNull(ProjectFiles.childElement(bom, "parent"), "a parent's dependencyManagement would be imported too");
    }

    @Test
    void theBomListsEveryPublishedModuleAtTheProjectVersion() {
        Set<String> listed = new TreeSet<>();
        NodeList dependencies = bom.getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            assertEquals("dev.spur", ProjectFiles.child(dependency, "groupId"));
            assertEquals("${project.version}", ProjectFiles.child(dependency, "version"));
            listed.add(ProjectFiles.child(dependency, "artifactId"));
        }
        assertEquals(publishedJars(), listed);
    }

    /** The artifactIds of the reactor's jar modules that are deployed. */
    private Set<String> publishedJars() {
        Element parent = ProjectFiles.pom(root.resolve("pom.xml")).getDocumentElement();
        List<String> modules = new ArrayList<>();
        NodeList names = ProjectFiles.childElement(parent, "modules").getElementsByTagName("module");
        for (int i = 0; i < names.getLength(); i++) {
            modules.add(names.item(i).getTextContent().trim());
        }
        Set<String> published = new TreeSet<>();
        for (String module : modules) {
            Element pom = ProjectFiles.pom(root.resolve(module).resolve("pom.xml")).getDocumentElement();
            String packaging = ProjectFiles.child(pom, "packaging");
            Element properties = ProjectFiles.childElement(pom, "properties");
            boolean deployed = properties == null || !"true".equals(ProjectFiles.child(properties, "maven.deploy.skip"));
            if ((packaging == null || packaging.equals("jar")) && deployed) {
                published.add(ProjectFiles.child(pom, "artifactId"));
            }
        }
        return published;
    }
}
