package dev.spur.processor.model;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One {@code @Match}: all its conditions must hold, or, when {@code negate}, not all of them.
 *
 * @param conditions the conditions, in a stable order
 * @param negate     whether the match is inverted
 */
public record MatchModel(List<Condition> conditions, boolean negate) {

    /** Copies the conditions. */
    public MatchModel {
        conditions = List.copyOf(conditions);
    }

    /** A readable form: {@code header=x-api-version=2 & produces=application/json}, or {@code not(...)}. */
    public String describe() {
        String all = conditions.stream().map(Condition::canonical).collect(Collectors.joining(" & "));
        return negate ? "not(" + all + ")" : all;
    }

    /** A stable text for comparing matches. */
    public String canonical() {
        return (negate ? "not" : "") + conditions.stream().map(Condition::canonical).sorted()
                .collect(Collectors.joining(Guard.SEPARATOR, "(", ")"));
    }
}
