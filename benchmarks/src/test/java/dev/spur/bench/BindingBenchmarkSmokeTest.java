package dev.spur.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spur.bench.bindings.catalog.Product;
import dev.spur.runtime.SpurServer;
import dev.spur.runtime.services.BindingException;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Runs {@link BindingBenchmark}'s set-ups and each of its methods a few times (not a measurement):
 * both calls answer the record of the id asked for, the in-process one without leaving the
 * process, the HTTP one from the catalog's server (it fails once that server is stopped), whose
 * private route is not on its public listener.
 */
class BindingBenchmarkSmokeTest {

    private static final Product EXPECTED = new Product(BindingBenchmark.ID, "Widget", 7, 1_999);

    @Test
    void inProcessCallAnswersTheRecordOfTheIdAskedFor() {
        BindingBenchmark benchmark = new BindingBenchmark();
        BindingBenchmark.InProcess state = new BindingBenchmark.InProcess();
        state.setUp();
        assertEquals("in process", state.binding.transport().describe());
        for (int i = 0; i < 3; i++) {
            assertEquals(EXPECTED, benchmark.inProcess(state));
        }
        state.id = "other id/é";
        assertEquals(new Product("other id/é", "Widget", 7, 1_999), benchmark.inProcess(state),
                "the id is one path segment, read back as given");
    }

    @Test
    void httpCallAnswersTheSameRecordFromTheCatalogServer() throws Exception {
        BindingBenchmark benchmark = new BindingBenchmark();
        BindingBenchmark.OverHttp state = new BindingBenchmark.OverHttp();
        state.setUp();
        try {
            assertEquals("http://127.0.0.1:" + state.catalogServer.port(SpurServer.INTERNAL_LISTENER),
                    state.binding.transport().describe());
            for (int i = 0; i < 3; i++) {
                assertEquals(EXPECTED, benchmark.overHttp(state));
            }
            state.id = "other id/é";
            assertEquals(new Product("other id/é", "Widget", 7, 1_999), benchmark.overHttp(state),
                    "the id is one path segment, read back as given");
            HttpResponse<String> outside = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + state.catalogServer.port() + "/catalog/products/" + BindingBenchmark.ID))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(404, outside.statusCode(), "the private route on the catalog server's public listener");
        } finally {
            state.tearDown();
        }
        BindingException stopped = assertThrows(BindingException.class, () -> benchmark.overHttp(state));
        assertTrue(stopped.getMessage().contains("catalog"), stopped.getMessage());
    }
}
