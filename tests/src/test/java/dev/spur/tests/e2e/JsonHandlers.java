package dev.spur.tests.e2e;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.spur.Body;
import dev.spur.Route;
import dev.spur.runtime.HttpProblem;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads JSON bodies whose errors must name the field: nested records, optional and required components. */
public class JsonHandlers {

    /** How an order is shipped. */
    public enum Shipping { STANDARD, EXPRESS }

    /**
     * One line of an order; its compact constructor refuses a count below one with its own 400.
     *
     * @param sku   the product, may be null
     * @param count how many, at least one
     */
    public record Line(String sku, int count) {

        /** Checks {@code count}. */
        public Line {
            if (count < 1) {
                throw HttpProblem.badRequest("A line's count must be at least 1.");
            }
        }
    }

    /**
     * An order.
     *
     * @param reference required though it is a reference: {@code @JsonProperty(required = true)}
     * @param note      absent or null is empty
     * @param customer  absent or null is null
     * @param shipping  an enum
     * @param due       a date
     * @param lines     the lines
     * @param extras    any named numbers
     */
    public record Order(@JsonProperty(required = true) String reference, Optional<String> note, String customer,
                        Shipping shipping, LocalDate due, List<Line> lines, Map<String, Integer> extras) {
    }

    /** Echoes what it read of an order. */
    @Route(method = Route.POST, path = "/json/orders")
    public String order(@Body Order order) {
        return order.reference() + " note=" + order.note().orElse("none") + " customer=" + order.customer()
                + " shipping=" + order.shipping() + " due=" + order.due()
                + " lines=" + (order.lines() == null ? "null" : order.lines().size())
                + " extras=" + order.extras();
    }
}
