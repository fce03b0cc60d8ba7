package dev.spur.tests.e2e.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.spur.tests.e2e.InventoryBinding;
import dev.spur.tests.e2e.services.inventory.StockHandlers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A binding client sends every kind of parameter as the route reads it, in process and over HTTP
 * alike: lists as repeated query parameters and header fields, cookies in one {@code Cookie} header,
 * value types as their text, and form fields (one by one or a record) as a url-encoded body.
 */
class BindingParametersTest extends BothTransports {

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void listsCookiesAndValueTypesArriveAsSent(String transport, InventoryBinding inventory) {
        assertEquals("skus=[a b, c&d, é] bins=[3, 1] since=2024-02-29 warehouse=north shelf=7 visits=[v1, v2] "
                        + "tags=[x, y]",
                inventory.counts(List.of("a b", "c&d", "é"), new LinkedHashSet<>(List.of(3, 1)),
                        Optional.of(LocalDate.of(2024, 2, 29)), "north", Optional.of(7), List.of("v1", "v2"),
                        List.of("x", "y")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void absentOptionalsAndEmptyListsAreNotSent(String transport, InventoryBinding inventory) {
        assertEquals("skus=[] bins=[] since=none warehouse=south shelf=none visits=[] tags=[]",
                inventory.counts(List.of(), Set.of(), Optional.empty(), "south", Optional.empty(), List.of(), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void aFormRecordIsSentUrlEncoded(String transport, InventoryBinding inventory) {
        assertEquals("Restock[sku=pear & co, count=4, notes=[ripe, 100% green], price=Optional[1.25]] by=ann",
                inventory.restock(new StockHandlers.Restock("pear & co", 4, List.of("ripe", "100% green"),
                        Optional.of(new BigDecimal("1.25"))), Optional.of("ann")));
        assertEquals("Restock[sku=fig, count=0, notes=[], price=Optional.empty] by=nobody",
                inventory.restock(new StockHandlers.Restock("fig", 0, List.of(), Optional.empty()), Optional.empty()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void formFieldsAreSentOneByOne(String transport, InventoryBinding inventory) {
        assertEquals("apple [1, -2] on 2024-03-01", inventory.adjust("apple", List.of(1, -2), LocalDate.of(2024, 3, 1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void aCookieValueThatCannotBeSentFailsBeforeTheCall(String transport, InventoryBinding inventory) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> inventory.counts(List.of(),
                Set.of(), Optional.empty(), "north; admin=1", Optional.empty(), List.of(), List.of()));
        assertEquals("Cookie 'warehouse' cannot be sent with a value holding a space, '\"', ',', ';', '\\' or a "
                + "character outside printable ASCII", e.getMessage());
    }
}
