package dev.spur.tests.e2e.services.inventory;

import java.util.List;

/** A stocked item. */
public record Item(String sku, String name, int count, List<String> tags) {
}
