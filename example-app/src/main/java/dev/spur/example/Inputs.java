package dev.spur.example;

import dev.spur.runtime.HttpProblem;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Validates what clients send; every rejection is a 400 problem saying what to fix. */
final class Inputs {

    /** The longest tag, and the most levels a tag hierarchy has. */
    static final int MAX_TAG = 100;
    static final int MAX_TAG_LEVELS = 8;
    /** The most characters of a client's value repeated in an error. */
    private static final int MAX_ECHO = 64;
    private static final int MAX_TAGS = 20;
    private static final int MAX_TITLE = 200;
    private static final int MAX_NOTE = 2000;
    static final int MAX_LIMIT = 100;

    private Inputs() {
    }

    /** A checked, normalised bookmark: title defaulted, tags lower-cased. */
    record CheckedBookmark(String url, String title, List<String> tags) {
    }

    static CheckedBookmark bookmark(BookmarkInput input) {
        String url = url(input.url());
        String title = input.title() == null || input.title().isBlank() ? url : input.title().strip();
        if (title.length() > MAX_TITLE) {
            throw HttpProblem.badRequest("Field 'title' must be at most " + MAX_TITLE + " characters long.");
        }
        List<String> tags = new ArrayList<>();
        if (input.tags() != null) {
            for (String tag : input.tags()) {
                tags.add(tag(tag));
            }
        }
        if (tags.size() > MAX_TAGS) {
            throw HttpProblem.badRequest("A bookmark has at most " + MAX_TAGS + " tags.");
        }
        return new CheckedBookmark(url, title, tags);
    }

    static String url(String url) {
        if (url == null || url.isBlank()) {
            throw HttpProblem.badRequest("Field 'url' is required.");
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri.toString();
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw HttpProblem.badRequest("Field 'url' must be an absolute http or https URL.");
    }

    /**
     * A tag: lower-case words of ASCII letters, digits and dashes (each starting with a letter or
     * digit), separated by '/' for a hierarchy of at most {@link #MAX_TAG_LEVELS} levels, at most
     * {@link #MAX_TAG} characters in all. Checked in one pass: no regex, so no input can make the
     * check deep or slow.
     */
    static String tag(String tag) {
        String normalised = tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT);
        if (normalised.length() > MAX_TAG) {
            throw HttpProblem.badRequest("A tag must be at most " + MAX_TAG + " characters long.");
        }
        int levels = 1;
        boolean wordStart = true;
        for (int i = 0; i < normalised.length(); i++) {
            char c = normalised.charAt(i);
            boolean alphanumeric = c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
            if (c == '/' && !wordStart) {
                levels++;
                wordStart = true;
            } else if (alphanumeric || c == '-' && !wordStart) {
                wordStart = false;
            } else {
                throw invalidTag(tag);
            }
        }
        if (wordStart) {
            throw invalidTag(tag);
        }
        if (levels > MAX_TAG_LEVELS) {
            throw HttpProblem.badRequest("A tag has at most " + MAX_TAG_LEVELS + " levels.");
        }
        return normalised;
    }

    private static HttpProblem invalidTag(String tag) {
        String shown = tag == null ? "" : tag.length() > MAX_ECHO ? tag.substring(0, MAX_ECHO) + "..." : tag;
        return HttpProblem.badRequest("Tag '" + shown + "' is not valid: use letters, digits and dashes, "
                + "with '/' between the levels of a hierarchy (for example lang/java).");
    }

    static String note(String text) {
        String stripped = text.strip();
        if (stripped.isEmpty()) {
            throw HttpProblem.badRequest("A note needs some text (send it as the text/plain body).");
        }
        if (stripped.length() > MAX_NOTE) {
            throw HttpProblem.badRequest("A note must be at most " + MAX_NOTE + " characters long.");
        }
        return stripped;
    }

    static void page(int limit, int offset) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw HttpProblem.badRequest("Query parameter 'limit' must be between 1 and " + MAX_LIMIT
                    + ", not " + limit + ".");
        }
        if (offset < 0) {
            throw HttpProblem.badRequest("Query parameter 'offset' must not be negative.");
        }
    }
}
