/**
 * The private {@code inventory} service of the services tests: reached only through
 * {@code InventoryBinding}, with a service-level layer around every route.
 */
@Service(name = "inventory", visibility = Service.Visibility.PRIVATE)
@Layer(InventoryStamp.class)
package dev.spur.tests.e2e.services.inventory;

import dev.spur.Layer;
import dev.spur.Service;
