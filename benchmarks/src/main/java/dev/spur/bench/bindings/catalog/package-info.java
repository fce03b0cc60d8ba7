/**
 * The private {@code catalog} service of the binding benchmarks: one route, {@code GET
 * /catalog/products/{id}}, reached only through the generated {@code CatalogBinding}, inside two
 * service-level layers ({@link dev.spur.bench.bindings.catalog.ReadOnly} outermost, then
 * {@link dev.spur.bench.bindings.catalog.FailureCount}).
 */
@Service(name = "catalog", visibility = Service.Visibility.PRIVATE)
@Layer({ReadOnly.class, FailureCount.class})
package dev.spur.bench.bindings.catalog;

import dev.spur.Layer;
import dev.spur.Service;
