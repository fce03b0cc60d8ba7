/**
 * The bookmarks example application. Every request runs through its application layers: the
 * request id, the route/timing headers, and the mapping of domain exceptions to answers.
 */
@Layer({RequestId.class, RouteTiming.class, DomainErrors.class})
package dev.spur.example;

import dev.spur.Layer;
import dev.spur.example.layers.DomainErrors;
import dev.spur.example.layers.RouteTiming;
import dev.spur.runtime.layers.RequestId;
