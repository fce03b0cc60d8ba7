package dev.spur.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;

/**
 * The JDK value types read by their own factory that Spur describes better than "a valid X": what
 * a value looks like in a 400's detail, and its OpenAPI {@code format}.
 */
public enum KnownType {
    /** {@code java.time.LocalDate}. */
    LOCAL_DATE("java.time.LocalDate", "a date such as 2024-01-31", "date"),
    /** {@code java.time.LocalDateTime}. */
    LOCAL_DATE_TIME("java.time.LocalDateTime", "a date and time such as 2024-01-31T10:15:30", null),
    /** {@code java.time.LocalTime}. */
    LOCAL_TIME("java.time.LocalTime", "a time such as 10:15:30", null),
    /** {@code java.time.Instant}. */
    INSTANT("java.time.Instant", "an instant such as 2024-01-31T10:15:30Z", "date-time"),
    /** {@code java.time.OffsetDateTime}. */
    OFFSET_DATE_TIME("java.time.OffsetDateTime", "a date and time with an offset such as 2024-01-31T10:15:30+01:00",
            "date-time"),
    /** {@code java.time.ZonedDateTime}. */
    ZONED_DATE_TIME("java.time.ZonedDateTime",
            "a date and time with a zone such as 2024-01-31T10:15:30+01:00[Europe/Paris]", null),
    /** {@code java.time.Duration}. */
    DURATION("java.time.Duration", "a duration such as PT15M", "duration"),
    /** {@code java.time.Period}. */
    PERIOD("java.time.Period", "a period such as P1Y2M3D", "duration"),
    /** {@code java.time.Year}. */
    YEAR("java.time.Year", "a year such as 2024", null),
    /** {@code java.time.YearMonth}. */
    YEAR_MONTH("java.time.YearMonth", "a month such as 2024-01", null),
    /** {@code java.time.ZoneId}. */
    ZONE_ID("java.time.ZoneId", "a time zone such as Europe/Paris", null);

    private final String className;
    private final String description;
    private final String format;

    KnownType(String className, String description, String format) {
        this.className = className;
        this.description = description;
        this.format = format;
    }

    /** The known type {@code type} is, or null. */
    public static KnownType of(TypeName type) {
        if (type instanceof ClassName name) {
            for (KnownType known : values()) {
                if (known.className.equals(name.canonicalName())) {
                    return known;
                }
            }
        }
        return null;
    }

    /** What a value looks like: {@code a date such as 2024-01-31}. */
    public String description() {
        return description;
    }

    /** The OpenAPI {@code format} of the text, or null when there is no standard one. */
    public String format() {
        return format;
    }

    /** Whether the JDK's own factory accepts {@code text}: checked at compile time, for a default value. */
    public boolean accepts(String text) {
        try {
            switch (this) {
                case LOCAL_DATE -> java.time.LocalDate.parse(text);
                case LOCAL_DATE_TIME -> java.time.LocalDateTime.parse(text);
                case LOCAL_TIME -> java.time.LocalTime.parse(text);
                case INSTANT -> java.time.Instant.parse(text);
                case OFFSET_DATE_TIME -> java.time.OffsetDateTime.parse(text);
                case ZONED_DATE_TIME -> java.time.ZonedDateTime.parse(text);
                case DURATION -> java.time.Duration.parse(text);
                case PERIOD -> java.time.Period.parse(text);
                case YEAR -> java.time.Year.parse(text);
                case YEAR_MONTH -> java.time.YearMonth.parse(text);
                case ZONE_ID -> java.time.ZoneId.of(text);
            }
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
