package dev.spur.tests.e2e.services.inventory;

import java.util.List;

/** What {@code PUT /inventory/items/{sku}} takes. */
public record ItemInput(String name, int count, List<String> tags) {
}
