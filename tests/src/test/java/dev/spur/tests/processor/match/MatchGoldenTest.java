package dev.spur.tests.processor.match;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.spur.tests.processor.Processing.assertWarningFreeRouter;
import static dev.spur.tests.processor.Processing.compileLinted;
import static dev.spur.tests.processor.Processing.generatedSource;
import static dev.spur.tests.processor.Processing.source;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import dev.spur.tests.processor.Golden;

import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The router generated for handlers with conditions (header version fall-through, produces
 * negotiation, consumes, listener, remote CIDR, custom matcher) and a hijack is exactly the
 * reviewed golden file, and the same sources always give the same text. See {@link MatchGolden}
 * for how to rewrite the golden file.
 */
class MatchGoldenTest {

    private static final String ROUTER = "shop.SpurRouter";

    private static final JavaFileObject CATALOG = source("shop.Catalog", """
            package shop;

            import dev.spur.Body;
            import dev.spur.Match;
            import dev.spur.Route;

            @Route(path = "/catalog")
            public class Catalog {
                /** A JSON body. */
                public record Item(String id, int version) {
                }

                @Route(path = "/items/{id}")
                @Match(header = "X-Api-Version=2")
                public Item itemV2(String id) {
                    return new Item(id, 2);
                }

                @Route(path = "/items/{id}")
                public Item item(String id) {
                    return new Item(id, 1);
                }

                @Route(path = "/report")
                @Match(produces = "application/json")
                public Item reportJson() {
                    return new Item("report", 1);
                }

                @Route(path = "/report")
                @Match(produces = "text/plain")
                public String reportText() {
                    return "report";
                }

                @Route(method = "POST", path = "/items")
                @Match(consumes = {"application/json", "application/*+json"})
                public String create(@Body String body) {
                    return body;
                }

                @Route(path = "/stats")
                @Match(listener = "admin")
                public String stats() {
                    return "stats";
                }

                @Route(method = "DELETE", path = "/items/{id}")
                @Match(remote = {"10.0.0.0/8", "fd00::/8"})
                public void delete(String id) {
                }

                @Route(path = "/beta/{*rest}")
                @Match(custom = BetaUsers.class)
                public String beta(String rest) {
                    return rest;
                }
            }
            """);

    private static final JavaFileObject BETA_USERS = source("shop.BetaUsers", """
            package shop;

            import dev.spur.runtime.RequestMatcher;
            import io.helidon.http.HeaderNames;
            import io.helidon.webserver.http.ServerRequest;

            /** Requests of the beta cohort. */
            public class BetaUsers implements RequestMatcher {
                @Override
                public boolean matches(dev.spur.runtime.Exchange request) {
                    return request.headers().contains(HeaderNames.create("X-Beta"));
                }
            }
            """);

    private static final JavaFileObject PREVIEW = source("shop.Preview", """
            package shop;

            import dev.spur.Hijack;
            import dev.spur.Match;
            import dev.spur.Route;

            /** Preview hosts see only the preview pages. */
            @Hijack(value = @Match(host = "*.preview.example"), order = 1)
            public class Preview {
                @Route(path = "/{*page}")
                public String page(String page) {
                    return "preview " + page;
                }
            }
            """);

    @Test
    void conditionsAndAHijackGenerateTheGoldenRouter() {
        String router = assertWarningFreeRouter(ROUTER, CATALOG, BETA_USERS, PREVIEW);

        Golden.assertMatches("match/SpurRouter.java.txt", router);
    }

    @Test
    void theSameSourcesInAnyOrderGiveTheSameRouter() {
        Compilation first = compileLinted(CATALOG, BETA_USERS, PREVIEW);
        Compilation second = compileLinted(PREVIEW, BETA_USERS, CATALOG);

        assertThat(first).succeededWithoutWarnings();
        assertThat(second).succeededWithoutWarnings();
        assertEquals(generatedSource(first, ROUTER), generatedSource(second, ROUTER));
    }

    @Test
    void firstDifferentLineIsCountedFromOne() {
        assertEquals(3, Golden.firstDifferentLine("a\nb\nc\n", "a\nb\nX\n"));
        assertEquals(1, Golden.firstDifferentLine("a", "b"));
    }
}
