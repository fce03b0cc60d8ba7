package dev.spur.example;

import dev.spur.runtime.HttpProblem;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Validates what clients send; every rejection is a 400 problem saying what to fix. */
final class Inputs {

    /** A tag: lower-case words of letters, digits and dashes, separated by '/' for a hierarchy. */
    private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9-]*(/[a-z0-9][a-z0-9-]*)*");
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

    static String tag(String tag) {
        String normalised = tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT);
        if (!TAG.matcher(normalised).matches()) {
            throw HttpProblem.badRequest("Tag '" + tag + "' is not valid: use letters, digits and dashes, "
                    + "with '/' between the levels of a hierarchy (for example lang/java).");
        }
        return normalised;
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
