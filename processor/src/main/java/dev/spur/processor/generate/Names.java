package dev.spur.processor.generate;

import com.palantir.javapoet.NameAllocator;

/**
 * The names of the router's generated members. They are derived from templates, header names and
 * media types, which can be long: a class file holds a name in at most 65,535 UTF-8 bytes, and a
 * long run of segments once gave a method name past it ("UTF8 representation too long"). A name is
 * only a name, not the template: a suggestion longer than {@link #MAX_LENGTH} characters keeps its
 * start and ends with a hash of the whole, and the {@link NameAllocator} keeps names unique.
 */
final class Names {

    /** The longest name a suggestion keeps as it is. */
    static final int MAX_LENGTH = 96;
    /** How many code points of a longer suggestion the name keeps. */
    private static final int KEPT = 80;

    private final NameAllocator allocator = new NameAllocator();

    /** A new unique name for {@code suggestion}, bounded in length. */
    String newName(String suggestion) {
        return allocator.newName(bounded(suggestion));
    }

    /** {@code suggestion}, or its start and a hash of it when it is longer than {@link #MAX_LENGTH}. */
    static String bounded(String suggestion) {
        if (suggestion.length() <= MAX_LENGTH) {
            return suggestion;
        }
        int end = suggestion.offsetByCodePoints(0, Math.min(KEPT, suggestion.codePointCount(0, KEPT)));
        return suggestion.substring(0, end) + "_" + Integer.toHexString(suggestion.hashCode());
    }
}
