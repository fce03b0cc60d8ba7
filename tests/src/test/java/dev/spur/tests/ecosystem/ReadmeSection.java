package dev.spur.tests.ecosystem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code ## } section of a Markdown file, read the way its reader would: the files it shows
 * (a path in backticks and a colon, then a fenced block with the file's text) and its {@code sh}
 * blocks.
 */
final class ReadmeSection {

    private static final Pattern FILE = Pattern.compile("^`([\\w./-]+)`:\\n\\n```\\w*\\n(.*?)^```$",
            Pattern.MULTILINE | Pattern.DOTALL);
    private static final Pattern SHELL = Pattern.compile("^```sh\\n(.*?)^```$", Pattern.MULTILINE | Pattern.DOTALL);

    private final String title;
    private final String text;

    private ReadmeSection(String title, String text) {
        this.title = title;
        this.text = text;
    }

    /** The section headed {@code ## title} of {@code markdown}, up to the next {@code ## } heading. */
    static ReadmeSection of(String markdown, String title) {
        String heading = "\n## " + title + "\n";
        int start = markdown.indexOf(heading);
        if (start < 0) {
            throw new IllegalArgumentException("no section '## " + title + "'");
        }
        int end = markdown.indexOf("\n## ", start + heading.length());
        return new ReadmeSection(title, markdown.substring(start + 1, end < 0 ? markdown.length() : end + 1));
    }

    /** The files the section shows, by their path, in the order shown. */
    Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        Matcher matcher = FILE.matcher(text);
        while (matcher.find()) {
            if (files.put(matcher.group(1), matcher.group(2)) != null) {
                throw new IllegalStateException("section '" + title + "' shows " + matcher.group(1) + " twice");
            }
        }
        return files;
    }

    /** The section's {@code sh} blocks, each as its lines. */
    List<List<String>> shellBlocks() {
        List<List<String>> blocks = new ArrayList<>();
        Matcher matcher = SHELL.matcher(text);
        while (matcher.find()) {
            blocks.add(matcher.group(1).lines().toList());
        }
        return blocks;
    }
}
