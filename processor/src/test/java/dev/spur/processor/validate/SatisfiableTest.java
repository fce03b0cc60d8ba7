package dev.spur.processor.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.palantir.javapoet.ClassName;
import dev.spur.processor.model.Condition;
import dev.spur.processor.model.Guard;
import dev.spur.processor.model.MatchModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Satisfiable#conflict}: null for a guard some request can meet, the two clashing conditions otherwise. */
class SatisfiableTest {

    private static Condition host(String host) {
        return new Condition.Host(host, false);
    }

    private static Condition wildcard(String suffix) {
        return new Condition.Host(suffix, true);
    }

    private static MatchModel match(Condition... conditions) {
        return new MatchModel(List.of(conditions), false);
    }

    private static MatchModel not(Condition... conditions) {
        return new MatchModel(List.of(conditions), true);
    }

    @SafeVarargs
    private static Guard guard(List<MatchModel>... clauses) {
        return new Guard(List.of(clauses));
    }

    /** The guard of a class {@code @Match} and a method {@code @Match}, one alternative each. */
    private static Guard classAndMethod(Condition onClass, Condition onMethod) {
        return guard(List.of(match(onClass)), List.of(match(onMethod)));
    }

    @Test
    void guardsThatSomeRequestMeetsAreSatisfiable() {
        assertNull(Satisfiable.conflict(Guard.ALWAYS));
        assertNull(Satisfiable.conflict(guard(List.of(match(host("a.example"), new Condition.Port(80),
                new Condition.Scheme(true), new Condition.Header("x-v", "1"), new Condition.Query("q", "1"))))));
        assertNull(Satisfiable.conflict(classAndMethod(host("a.example"), host("a.example"))));
        assertNull(Satisfiable.conflict(classAndMethod(new Condition.Port(80), new Condition.Port(80))));
    }

    @Test
    void twoValuesOfASingleValuedPropertyConflict() {
        assertEquals("host=a.example and host=b.example",
                Satisfiable.conflict(classAndMethod(host("a.example"), host("b.example"))));
        assertEquals("port=80 and port=8080",
                Satisfiable.conflict(classAndMethod(new Condition.Port(80), new Condition.Port(8080))));
        assertEquals("listener=admin and listener=public", Satisfiable.conflict(
                classAndMethod(new Condition.Listener("admin"), new Condition.Listener("public"))));
        assertEquals("scheme=https and scheme=http", Satisfiable.conflict(
                classAndMethod(new Condition.Scheme(true), new Condition.Scheme(false))));
        assertEquals("version=1.1 and version=2.0", Satisfiable.conflict(
                classAndMethod(new Condition.Version("1.1"), new Condition.Version("2.0"))));
        assertEquals("query=v=1 and query=v=2", Satisfiable.conflict(
                classAndMethod(new Condition.Query("v", "1"), new Condition.Query("v", "2"))));
        // within one @Match too
        assertEquals("port=80 and port=81", Satisfiable.conflict(
                guard(List.of(match(new Condition.Port(80), new Condition.Port(81))))));
    }

    @Test
    void headerNamesCompareIgnoringCaseQueryNamesDoNot() {
        assertEquals("header=x-v=1 and header=x-v=2", Satisfiable.conflict(
                classAndMethod(new Condition.Header("X-V", "1"), new Condition.Header("x-v", "2"))));
        assertNull(Satisfiable.conflict(
                classAndMethod(new Condition.Header("X-V", "1"), new Condition.Header("x-v", "1"))));
        assertNull(Satisfiable.conflict(
                classAndMethod(new Condition.Query("V", "1"), new Condition.Query("v", "2"))));
    }

    @Test
    void presenceAndMultiValuedConditionsNeverConflict() {
        assertNull(Satisfiable.conflict(
                classAndMethod(new Condition.Header("x-v", null), new Condition.Header("x-v", "2"))));
        assertNull(Satisfiable.conflict(
                classAndMethod(new Condition.Query("v", null), new Condition.Query("v", "2"))));
        assertNull(Satisfiable.conflict(classAndMethod(new Condition.Produces(List.of("application/json")),
                new Condition.Produces(List.of("text/plain")))));
        assertNull(Satisfiable.conflict(classAndMethod(new Condition.Consumes(List.of("application/json")),
                new Condition.Consumes(List.of("text/plain")))));
        assertNull(Satisfiable.conflict(classAndMethod(new Condition.Remote(List.of("10.0.0.0/8")),
                new Condition.Remote(List.of("192.168.0.0/16")))));
        assertNull(Satisfiable.conflict(classAndMethod(new Condition.Custom(ClassName.get("app", "A"), 0),
                new Condition.Custom(ClassName.get("app", "B"), 0))));
    }

    @Test
    void wildcardHostsNeedAHostUnderTheirDomain() {
        assertNull(Satisfiable.conflict(classAndMethod(wildcard(".example.com"), host("api.example.com"))));
        assertNull(Satisfiable.conflict(classAndMethod(wildcard(".example.com"), wildcard(".eu.example.com"))));
        assertNull(Satisfiable.conflict(classAndMethod(wildcard(".eu.example.com"), wildcard(".example.com"))));
        assertEquals("host=*.example.com and host=api.other.org",
                Satisfiable.conflict(classAndMethod(wildcard(".example.com"), host("api.other.org"))));
        // the bare domain is not under its own wildcard
        assertEquals("host=*.example.com and host=example.com",
                Satisfiable.conflict(classAndMethod(wildcard(".example.com"), host("example.com"))));
        assertEquals("host=*.example.com and host=*.other.org",
                Satisfiable.conflict(classAndMethod(wildcard(".example.com"), wildcard(".other.org"))));
    }

    @Test
    void oneSatisfiableCombinationOfAlternativesIsEnough() {
        assertNull(Satisfiable.conflict(guard(List.of(match(host("a.example"))),
                List.of(match(host("b.example")), match(host("a.example"))))));
    }

    @Test
    void whenEveryCombinationConflictsTheFirstConflictIsReported() {
        assertEquals("host=a.example and host=b.example", Satisfiable.conflict(guard(List.of(match(host("a.example"))),
                List.of(match(host("b.example")), match(host("c.example"))))));
    }

    @Test
    void negatedMatchesNeverConflict() {
        assertNull(Satisfiable.conflict(guard(List.of(match(host("a.example"))), List.of(not(host("b.example"))))));
        assertNull(Satisfiable.conflict(guard(List.of(not(new Condition.Port(80), new Condition.Port(81))))));
        assertEquals("host=a.example and host=b.example", Satisfiable.conflict(guard(List.of(match(host("a.example"))),
                List.of(not(new Condition.Port(1))), List.of(match(host("b.example"))))));
    }

    @Test
    void guardsWithTooManyCombinationsAreNotJudged() {
        List<List<MatchModel>> clauses = new ArrayList<>();
        clauses.add(List.of(match(host("a.example"))));
        clauses.add(List.of(match(host("b.example"))));
        for (int i = 0; i < 8; i++) {
            clauses.add(List.of(match(new Condition.Listener("l" + i)), match(new Condition.Version("1." + i))));
        }
        // 2^8 = 256 combinations, all with the host conflict, are still judged...
        assertEquals("host=a.example and host=b.example", Satisfiable.conflict(new Guard(clauses)));

        // ...but 2^9 = 512 are too many to tell
        clauses.add(List.of(match(new Condition.Listener("l8")), match(new Condition.Version("1.8"))));
        assertNull(Satisfiable.conflict(new Guard(clauses)));
    }
}
