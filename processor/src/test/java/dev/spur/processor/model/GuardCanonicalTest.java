package dev.spur.processor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.palantir.javapoet.ClassName;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Guard#canonical()} (with {@link MatchModel#canonical()} and {@link Condition#canonical()}):
 * guards that accept the same requests have one canonical text, whatever the order they were
 * written in, and guards that differ have different texts.
 */
class GuardCanonicalTest {

    private static final Condition HOST_A = new Condition.Host("a.example", false);
    private static final Condition HOST_B = new Condition.Host("b.example", false);
    private static final Condition PORT = new Condition.Port(8080);
    private static final Condition HTTPS = new Condition.Scheme(true);

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

    @Test
    void conditionsOfOneMatchInAnyOrderAreCanonicallyEqual() {
        assertEquals(guard(List.of(match(HOST_A, PORT, HTTPS))).canonical(),
                guard(List.of(match(HTTPS, PORT, HOST_A))).canonical());
        assertEquals(match(HOST_A, PORT).canonical(), match(PORT, HOST_A).canonical());
        assertEquals(not(HOST_A, PORT).canonical(), not(PORT, HOST_A).canonical());
    }

    @Test
    void aConditionCountsTheSameOnTheClassOrOnTheMethod() {
        // class @Match(host) + method @Match(port) is the same as one @Match(host, port), in either order
        String split = guard(List.of(match(HOST_A)), List.of(match(PORT))).canonical();

        assertEquals(guard(List.of(match(HOST_A, PORT))).canonical(), split);
        assertEquals(guard(List.of(match(PORT)), List.of(match(HOST_A))).canonical(), split);
        assertEquals(guard(List.of(match(PORT))).and(guard(List.of(match(HOST_A)))).canonical(),
                guard(List.of(match(HOST_A))).and(guard(List.of(match(PORT)))).canonical());
    }

    @Test
    void alternativesAndClausesInAnyOrderAreCanonicallyEqual() {
        Guard written = guard(List.of(match(HTTPS)), List.of(match(HOST_A), match(HOST_B)),
                List.of(not(PORT)));
        Guard reordered = guard(List.of(not(PORT)), List.of(match(HOST_B), match(HOST_A)),
                List.of(match(HTTPS)));

        assertEquals(written.canonical(), reordered.canonical());
    }

    @Test
    void emptyClausesAreDroppedSoTheyEqualAlways() {
        assertEquals(Guard.ALWAYS.canonical(), new Guard(List.of(List.of(), List.of())).canonical());
        assertEquals(Guard.ALWAYS.canonical(), new Guard(List.of()).canonical());
    }

    @Test
    void normalisedConditionValuesAreCanonicallyEqual() {
        assertEquals(new Condition.Header("X-Api-Version", "2").canonical(),
                new Condition.Header("x-api-version", "2").canonical());
        assertEquals(new Condition.Consumes(List.of("text/plain", "application/json")).canonical(),
                new Condition.Consumes(List.of("application/json", "text/plain")).canonical());
        assertEquals(new Condition.Produces(List.of("b/b", "a/a")).canonical(),
                new Condition.Produces(List.of("a/a", "b/b")).canonical());
        assertEquals(new Condition.Remote(List.of("10.0.0.0/8", "127.0.0.1/32")).canonical(),
                new Condition.Remote(List.of("127.0.0.1/32", "10.0.0.0/8")).canonical());
        assertEquals("header=x-api-version=2", new Condition.Header("X-Api-Version", "2").canonical());
        assertEquals("host=*.example.com", new Condition.Host(".example.com", true).canonical());
    }

    @Test
    void differentConditionsGiveDifferentCanonicalTexts() {
        assertNotEquals(guard(List.of(match(HOST_A))).canonical(), guard(List.of(match(HOST_B))).canonical());
        assertNotEquals(guard(List.of(match(HOST_A))).canonical(), Guard.ALWAYS.canonical());
        assertNotEquals(guard(List.of(match(HOST_A))).canonical(),
                guard(List.of(match(HOST_A, PORT))).canonical());
        assertNotEquals(new Condition.Header("x-v", "1").canonical(), new Condition.Header("x-v", "2").canonical());
        assertNotEquals(new Condition.Header("x-v", null).canonical(), new Condition.Header("x-v", "").canonical());
        // query names are case-sensitive, header names are not
        assertNotEquals(new Condition.Query("v", "1").canonical(), new Condition.Query("V", "1").canonical());
        assertNotEquals(new Condition.Header("x", "1").canonical(), new Condition.Query("x", "1").canonical());
        assertNotEquals(new Condition.Custom(ClassName.get("app", "A"), 0).canonical(),
                new Condition.Custom(ClassName.get("app", "B"), 0).canonical());
    }

    @Test
    void negationAlternativesAndConjunctionAreToldApart() {
        String plain = guard(List.of(match(HOST_A))).canonical();
        String negated = guard(List.of(not(HOST_A))).canonical();
        String either = guard(List.of(match(HOST_A), match(PORT))).canonical();
        String both = guard(List.of(match(HOST_A)), List.of(match(PORT))).canonical();
        String notBoth = guard(List.of(not(HOST_A, PORT))).canonical();
        String neither = guard(List.of(not(HOST_A)), List.of(not(PORT))).canonical();

        List<String> all = List.of(plain, negated, either, both, notBoth, neither);
        assertEquals(all.size(), all.stream().distinct().count(), () -> "canonical texts collide: " + all);
    }
}
