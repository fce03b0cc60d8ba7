package dev.spur.processor.model;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The conditions a route needs: a conjunction of clauses (the class's {@code @Match}es, the
 * method's), each clause a disjunction of alternative {@link MatchModel}s. No clause: always holds.
 *
 * @param clauses the clauses
 */
public record Guard(List<List<MatchModel>> clauses) {

    /** The guard that always holds. */
    public static final Guard ALWAYS = new Guard(List.of());

    /** Copies the clauses, dropping empty ones. */
    public Guard {
        clauses = clauses.stream().filter(c -> !c.isEmpty()).map(List::copyOf).toList();
    }

    /** Whether the guard has no condition. */
    public boolean always() {
        return clauses.isEmpty();
    }

    /** This guard and {@code other} together. */
    public Guard and(Guard other) {
        List<List<MatchModel>> all = new java.util.ArrayList<>(clauses);
        all.addAll(other.clauses);
        return new Guard(all);
    }

    /** Whether any condition is of the given kind, outside a negated match. */
    public boolean has(Class<? extends Condition> kind) {
        return clauses.stream().flatMap(List::stream).filter(m -> !m.negate())
                .flatMap(m -> m.conditions().stream()).anyMatch(kind::isInstance);
    }

    /** A stable text for comparing guards: two routes with equal guards match the same requests. */
    public String canonical() {
        return clauses.stream()
                .map(c -> c.stream().map(MatchModel::canonical).sorted().collect(Collectors.joining(" | ", "[", "]")))
                .sorted()
                .collect(Collectors.joining(" & "));
    }
}
