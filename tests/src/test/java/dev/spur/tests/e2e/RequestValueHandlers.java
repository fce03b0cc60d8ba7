package dev.spur.tests.e2e;

import dev.spur.Cookie;
import dev.spur.Form;
import dev.spur.Header;
import dev.spur.Query;
import dev.spur.Route;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Echoes cookies, repeated values, value types read by their own factory, and form fields, as
 * text, for the tests of {@code RequestValuesTest}.
 */
public class RequestValueHandlers {

    /** A colour, for sets of enum constants. */
    public enum Shade { LIGHT, DARK }

    /**
     * An application's own id type: read by its {@code parse}, not by its constructor.
     *
     * @param text the id, {@code ord-} and digits
     */
    public record OrderId(String text) {

        /** The id {@code text} spells; an IllegalArgumentException when it is no order id. */
        public static OrderId parse(String text) {
            if (!text.matches("ord-[0-9]{1,9}")) {
                throw new IllegalArgumentException("not an order id");
            }
            return new OrderId(text);
        }
    }

    /**
     * A sign-up form bound to a record: each component is a field of its name or of its {@code @Form} name.
     *
     * @param email       required
     * @param displayName the field {@code display-name}, optional
     * @param age         required, an integer
     * @param interests   the repeated field {@code interest}, none when absent
     * @param language    {@code en} when absent
     */
    public record SignUp(String email, @Form("display-name") Optional<String> displayName, int age,
                         @Form("interest") List<String> interests, @Form(defaultValue = "en") String language) {
    }

    /** Cookies: required, optional, defaulted, and every value of a repeated one. */
    @Route(path = "/values/cookies")
    public String cookies(@Cookie String session, @Cookie("theme") Optional<String> theme,
                          @Cookie(defaultValue = "10") int size, @Cookie("id") List<Long> ids) {
        return "session=" + session + " theme=" + theme.orElse("none") + " size=" + size + " ids=" + ids;
    }

    /** Lists and sets of query parameters and header elements. */
    @Route(path = "/values/lists")
    public String lists(@Query List<Integer> n, @Query("tag") Set<String> tags, @Query Set<Shade> shades,
                        @Header("X-Ids") List<UUID> ids, @Header("X-Labels") List<String> labels) {
        return "n=" + n + " tags=" + tags + " shades=" + shades + " ids=" + ids + " labels=" + labels;
    }

    /** Value types converted by their own factories, and BigDecimal and BigInteger. */
    @Route(path = "/values/types")
    public String types(@Query LocalDate day, @Query Optional<Instant> at, @Query(defaultValue = "PT1M") Duration wait,
                        @Query Optional<BigDecimal> amount, @Query Optional<BigInteger> big,
                        @Header("X-Order") Optional<OrderId> order, @Query List<LocalDate> also) {
        return "day=" + day + " at=" + at.map(Instant::toString).orElse("none") + " wait=" + wait
                + " amount=" + amount.map(BigDecimal::toPlainString).orElse("none")
                + " big=" + big.map(BigInteger::toString).orElse("none")
                + " order=" + order.map(OrderId::text).orElse("none") + " also=" + also;
    }

    /** A path parameter of a factory type. */
    @Route(path = "/values/days/{day}/orders/{order}")
    public String day(LocalDate day, OrderId order) {
        return day.getDayOfWeek() + " " + order.text();
    }

    /** Form fields bound one by one. */
    @Route(method = Route.POST, path = "/values/form")
    public String form(@Form String name, @Form Optional<Integer> age, @Form("tag") List<String> tags,
                       @Form(defaultValue = "false") boolean subscribe) {
        return "name=" + name + " age=" + age.map(String::valueOf).orElse("none") + " tags=" + tags
                + " subscribe=" + subscribe;
    }

    /** A form bound to a record. */
    @Route(method = Route.POST, path = "/values/signup")
    public String signUp(@Form SignUp signUp) {
        return signUp.toString();
    }
}
