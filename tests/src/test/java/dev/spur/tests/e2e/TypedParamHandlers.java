package dev.spur.tests.e2e;

import dev.spur.Header;
import dev.spur.Query;
import dev.spur.Route;

import java.util.Optional;
import java.util.UUID;

/** Echoes typed path, query and header parameters as text, for the conversion tests. */
public class TypedParamHandlers {

    /** An enum parameter type. */
    public enum Color { RED, GREEN, DARK_BLUE }

    /** Converts an int path parameter. */
    @Route(path = "/typed/int/{value}")
    public String intPath(int value) {
        return "int " + value;
    }

    /** Converts a long path parameter. */
    @Route(path = "/typed/long/{value}")
    public String longPath(long value) {
        return "long " + value;
    }

    /** Converts a double path parameter. */
    @Route(path = "/typed/double/{value}")
    public String doublePath(double value) {
        return "double " + value;
    }

    /** Converts a boolean path parameter. */
    @Route(path = "/typed/boolean/{value}")
    public String booleanPath(boolean value) {
        return "boolean " + value;
    }

    /** Converts boxed path parameters. */
    @Route(path = "/typed/boxed/{i}/{l}/{d}/{b}")
    public String boxedPath(Integer i, Long l, Double d, Boolean b) {
        return "boxed " + i + " " + l + " " + d + " " + b;
    }

    /** Converts a UUID path parameter. */
    @Route(path = "/typed/uuid/{value}")
    public String uuidPath(UUID value) {
        return "uuid " + value;
    }

    /** Converts an enum path parameter. */
    @Route(path = "/typed/enum/{value}")
    public String enumPath(Color value) {
        return "enum " + value.name();
    }

    /** Takes a String path parameter as decoded. */
    @Route(path = "/typed/string/{value}")
    public String stringPath(String value) {
        return "string " + value;
    }

    /** Required query parameters of every type. */
    @Route(path = "/typed/query")
    public String query(@Query int i, @Query long l, @Query double d, @Query boolean b, @Query UUID u,
                        @Query Color c, @Query String s) {
        return String.join(" ", "query", String.valueOf(i), String.valueOf(l), String.valueOf(d), String.valueOf(b),
                u.toString(), c.name(), s);
    }

    /** Optional query parameters and defaults, one under another name than the Java parameter. */
    @Route(path = "/typed/optional")
    public String optionalQuery(@Query Optional<Integer> n, @Query Optional<Color> color, @Query Optional<String> name,
                                @Query(defaultValue = "7") int size,
                                @Query(value = "page-size", defaultValue = "10") Integer pageSize,
                                @Query(defaultValue = "green") Color fallback) {
        return "n=" + n.map(String::valueOf).orElse("none") + " color=" + color.map(Color::name).orElse("none")
                + " name=" + name.orElse("none") + " size=" + size + " pageSize=" + pageSize
                + " fallback=" + fallback.name();
    }

    /** Required, optional and defaulted headers. */
    @Route(path = "/typed/headers")
    public String headers(@Header("X-Count") int count, @Header("X-Id") Optional<UUID> id,
                          @Header("X-Flag") Optional<Boolean> flag,
                          @Header(value = "X-Color", defaultValue = "red") Color color,
                          @Header(value = "X-Ratio", defaultValue = "0.5") double ratio) {
        return "count=" + count + " id=" + id.map(UUID::toString).orElse("none")
                + " flag=" + flag.map(String::valueOf).orElse("none") + " color=" + color.name() + " ratio=" + ratio;
    }
}
