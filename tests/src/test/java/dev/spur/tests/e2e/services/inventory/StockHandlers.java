package dev.spur.tests.e2e.services.inventory;

import dev.spur.Cookie;
import dev.spur.Form;
import dev.spur.Header;
import dev.spur.Query;
import dev.spur.Route;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Inventory routes that take every kind of parameter a binding must send: lists, cookies, value types, forms. */
@Route(path = "/inventory/stock")
public class StockHandlers {

    /**
     * A restocking, sent as a form.
     *
     * @param sku   the item
     * @param count how many
     * @param notes the repeated field {@code note}
     * @param price a unit price, when known
     */
    public record Restock(String sku, int count, @Form("note") List<String> notes, Optional<BigDecimal> price) {
    }

    /** Echoes lists of query values, cookies, a date and header elements. */
    @Route(path = "/counts")
    public String counts(@Query("sku") List<String> skus, @Query Set<Integer> bins, @Query Optional<LocalDate> since,
                         @Cookie("warehouse") String warehouse, @Cookie Optional<Integer> shelf,
                         @Cookie("visit") List<String> visits, @Header("X-Tags") List<String> tags) {
        return "skus=" + skus + " bins=" + bins + " since=" + since.map(LocalDate::toString).orElse("none")
                + " warehouse=" + warehouse + " shelf=" + shelf.map(String::valueOf).orElse("none")
                + " visits=" + visits + " tags=" + tags;
    }

    /** Echoes a form read into a record, beside a single field. */
    @Route(method = Route.POST, path = "/restock")
    public String restock(@Form Restock restock, @Form("by") Optional<String> by) {
        return restock + " by=" + by.orElse("nobody");
    }

    /** Echoes form fields read one by one. */
    @Route(method = Route.POST, path = "/adjust")
    public String adjust(@Form String sku, @Form("delta") List<Integer> deltas, @Form(defaultValue = "2024-01-31") LocalDate on) {
        return sku + " " + deltas + " on " + on;
    }
}
