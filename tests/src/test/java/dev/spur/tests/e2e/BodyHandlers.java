package dev.spur.tests.e2e;

import dev.spur.Body;
import dev.spur.Query;
import dev.spur.Route;

import java.util.List;
import java.util.Optional;

/** Reads request bodies as text, bytes and JSON. */
public class BodyHandlers {

    /**
     * A JSON body type.
     *
     * @param name     a name
     * @param quantity a number
     * @param labels   some strings
     */
    public record Item(String name, int quantity, List<String> labels) {
    }

    /**
     * A summary of a list of items.
     *
     * @param count         how many items
     * @param totalQuantity the sum of their quantities
     */
    public record Summary(int count, int totalQuantity) {
    }

    /** Echoes a text body with its length in characters. */
    @Route(method = Route.POST, path = "/body/text")
    public String text(@Body String text) {
        return text.length() + ":" + text;
    }

    /** Returns a byte body reversed. */
    @Route(method = Route.POST, path = "/body/bytes")
    public byte[] bytes(@Body byte[] bytes) {
        byte[] reversed = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            reversed[i] = bytes[bytes.length - 1 - i];
        }
        return reversed;
    }

    /** Reads a JSON record and answers a changed copy. */
    @Route(method = Route.POST, path = "/body/json")
    public Item json(@Body Item item) {
        return new Item(item.name().toUpperCase(java.util.Locale.ROOT), item.quantity() * 2, item.labels());
    }

    /** Reads a generic JSON body. */
    @Route(method = Route.POST, path = "/body/list")
    public Summary list(@Body List<Item> items) {
        return new Summary(items.size(), items.stream().mapToInt(Item::quantity).sum());
    }

    /** A body beside path and query parameters. */
    @Route(method = Route.PUT, path = "/body/items/{id}")
    public Item put(int id, @Body Item item, @Query Optional<String> suffix) {
        return new Item(id + ":" + item.name() + suffix.orElse(""), item.quantity(), item.labels());
    }
}
