package dev.spur.bench.bindings.catalog;

/** What {@code GET /catalog/products/{id}} answers: a small JSON-able record. */
public record Product(String id, String name, int stock, long priceCents) {
}
