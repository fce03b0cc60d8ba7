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

    /**
     * A stable text for comparing guards: two routes with equal guards match the same requests.
     * Clauses of one plain (not negated) alternative are merged into one set of conditions, so a
     * condition counts the same on the class or on the method.
     */
    public String canonical() {
        java.util.TreeSet<String> merged = new java.util.TreeSet<>();
        List<String> others = new java.util.ArrayList<>();
        for (List<MatchModel> clause : clauses) {
            if (clause.size() == 1 && !clause.getFirst().negate()) {
                clause.getFirst().conditions().forEach(c -> merged.add(c.canonical()));
            } else {
                others.add(clause.stream().map(MatchModel::canonical).sorted()
                        .collect(Collectors.joining(SEPARATOR + "|", "[", "]")));
            }
        }
        others.sort(null);
        return String.join(SEPARATOR, merged) + SEPARATOR + SEPARATOR + String.join(SEPARATOR, others);
    }

    /**
     * A readable form for route tables and documentation: clauses joined by {@code &}, alternatives
     * by {@code |}, a negated match as {@code not(...)}; empty when the guard always holds.
     */
    public String describe() {
        return clauses.stream()
                .map(clause -> {
                    String alternatives = clause.stream().map(MatchModel::describe).collect(Collectors.joining(" | "));
                    return clause.size() > 1 && clauses.size() > 1 ? "(" + alternatives + ")" : alternatives;
                })
                .collect(Collectors.joining(" & "));
    }

    /** Separates parts of canonical texts; no annotation value can contain it. */
    static final String SEPARATOR = "\u0001";
}
