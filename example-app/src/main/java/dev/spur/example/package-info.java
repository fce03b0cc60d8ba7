/**
 * The bookmarks example application. Every request runs through its application layers: the
 * request id, the route/timing headers, and the mapping of domain exceptions to answers. The
 * handlers of this package are the public {@code gateway} service; it calls the private
 * {@code audit} service ({@link dev.spur.example.audit}) through its binding.
 */
@Layer({RequestId.class, RouteTiming.class, DomainErrors.class})
@Service(name = "gateway")
package dev.spur.example;

import dev.spur.Layer;
import dev.spur.Service;
import dev.spur.example.layers.DomainErrors;
import dev.spur.example.layers.RouteTiming;
import dev.spur.runtime.layers.RequestId;
