package dev.spur.bench.bindings.catalog;

import dev.spur.Route;

/** The catalog's one route: a product by id, built per call (no store: the call is what is measured). */
@Route(path = "/catalog")
public class CatalogHandlers {

    /** The product {@code id}. */
    @Route(path = "/products/{id}")
    public Product product(String id) {
        return new Product(id, "Widget", 7, 1_999);
    }
}
