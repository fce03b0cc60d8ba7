package dev.spur.processor.validate;

import dev.spur.processor.model.Condition;
import dev.spur.processor.model.Guard;
import dev.spur.processor.model.MatchModel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds guards that can never hold: in every combination of alternatives, two conditions exclude
 * each other (two exact hosts, two ports, one header with two values, ...). Negated matches are
 * left out: they restrict, they never conflict.
 */
public final class Satisfiable {

    private static final int MAX_COMBINATIONS = 256;

    private Satisfiable() {
    }

    /** Why {@code guard} can never hold, or null when it can (or is too large to tell). */
    public static String conflict(Guard guard) {
        List<List<Condition>> combinations = new ArrayList<>();
        combinations.add(List.of());
        for (List<MatchModel> clause : guard.clauses()) {
            List<List<Condition>> next = new ArrayList<>();
            for (List<Condition> partial : combinations) {
                for (MatchModel alternative : clause) {
                    List<Condition> combined = new ArrayList<>(partial);
                    if (!alternative.negate()) {
                        combined.addAll(alternative.conditions());
                    }
                    next.add(combined);
                }
            }
            if (next.size() > MAX_COMBINATIONS) {
                return null;
            }
            combinations = next;
        }
        String first = null;
        for (List<Condition> combination : combinations) {
            String conflict = conflictIn(combination);
            if (conflict == null) {
                return null;
            }
            first = first == null ? conflict : first;
        }
        return first;
    }

    private static String conflictIn(List<Condition> conditions) {
        Map<String, Condition> single = new HashMap<>();
        for (Condition condition : conditions) {
            String key = switch (condition) {
                case Condition.Host host -> host.wildcard() ? null : "host";
                case Condition.Port port -> "port";
                case Condition.Listener listener -> "listener";
                case Condition.Scheme scheme -> "scheme";
                case Condition.Version version -> "version";
                case Condition.Header header -> header.value() == null ? null
                        : "header " + header.name().toLowerCase(Locale.ROOT);
                case Condition.Query query -> query.value() == null ? null : "query " + query.name();
                default -> null;
            };
            if (key != null) {
                Condition other = single.putIfAbsent(key, condition);
                if (other != null && !other.canonical().equals(condition.canonical())) {
                    return other.canonical() + " and " + condition.canonical();
                }
            }
        }
        List<Condition.Host> hosts = conditions.stream()
                .filter(Condition.Host.class::isInstance).map(Condition.Host.class::cast).toList();
        for (Condition.Host a : hosts) {
            for (Condition.Host b : hosts) {
                if (a.wildcard() && !hostFits(b, a.host())) {
                    return a.canonical() + " and " + b.canonical();
                }
            }
        }
        return null;
    }

    /** Whether a host condition can name a host under {@code suffix} (a wildcard's {@code .domain}). */
    private static boolean hostFits(Condition.Host host, String suffix) {
        if (host.wildcard()) {
            return host.host().endsWith(suffix) || suffix.endsWith(host.host());
        }
        return host.host().endsWith(suffix) && host.host().length() > suffix.length();
    }
}
