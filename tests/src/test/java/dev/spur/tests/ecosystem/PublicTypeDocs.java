package dev.spur.tests.ecosystem;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Finds the public top-level types of a source folder that have no Javadoc comment (none, or one
 * with no text), by parsing the sources with javac: a block comment or a comment before the package
 * does not count, exactly as for the javadoc tool.
 */
final class PublicTypeDocs {

    private PublicTypeDocs() {
    }

    /** {@code file: Type} for every undocumented public top-level type under {@code sources}, sorted. */
    static List<String> undocumented(Path sources) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(path -> path.toString().endsWith(".java")).sorted().toList();
        }
        if (files.isEmpty()) {
            return List.of();
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> missing = new ArrayList<>();
        try (StandardJavaFileManager fileManager = javac.getStandardFileManager(null, null, null)) {
            JavacTask task = (JavacTask) javac.getTask(null, fileManager, null, List.of("-proc:none"), null,
                    fileManager.getJavaFileObjectsFromPaths(files));
            DocTrees docs = DocTrees.instance(task);
            for (CompilationUnitTree unit : task.parse()) {
                for (Tree declaration : unit.getTypeDecls()) {
                    if (declaration instanceof ClassTree type
                            && type.getModifiers().getFlags().contains(Modifier.PUBLIC)) {
                        var comment = docs.getDocCommentTree(TreePath.getPath(unit, type));
                        if (comment == null || comment.getFullBody().isEmpty()) {
                            missing.add(sources.relativize(Path.of(unit.getSourceFile().toUri())) + ": "
                                    + type.getSimpleName());
                        }
                    }
                }
            }
        }
        return missing.stream().sorted().toList();
    }
}
