package dev.spur.tests.matchers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.spur.runtime.Router;
import dev.spur.runtime.SpurServer;
import dev.spur.tests.support.InProcessCompiler;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @Match(scheme = ...)} over real TLS: one router served on a plain and on a TLS listener
 * (a self-signed certificate made with the JDK's keytool for the test), asked over both.
 */
class SchemeEndToEndTest {

    private static final String SOURCE = """
            package schemes;

            import dev.spur.Match;
            import dev.spur.Route;

            public class Api {
                @Route(path = "/where")
                @Match(scheme = "https")
                public String secure() { return "https"; }

                @Route(path = "/where")
                @Match(scheme = "http")
                public String plain() { return "http"; }

                @Route(path = "/only-tls")
                @Match(scheme = "https")
                public String onlyTls() { return "tls"; }
            }
            """;
    private static final char[] PASSWORD = "changeit".toCharArray();

    private static SpurServer plain;
    private static SpurServer secure;
    private static HttpClient client;

    @BeforeAll
    static void start(@TempDir Path temp) throws Exception {
        ClassLoader loader = InProcessCompiler.compile(temp, Map.of("schemes/Api.java", SOURCE), "schemes.Router");
        Router router = (Router) loader.loadClass("schemes.Router").getMethod("create").invoke(null);
        KeyStore keys = selfSigned(temp.resolve("server.p12"));
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, PASSWORD);
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(keyManagers.getKeyManagers(), null, null);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(keys);
        SSLContext clientContext = SSLContext.getInstance("TLS");
        clientContext.init(null, trust.getTrustManagers(), null);

        plain = SpurServer.builder(router).host("127.0.0.1").port(0).start();
        secure = SpurServer.builder(router).host("127.0.0.1").port(0)
                .configure(server -> server.tls(tls -> tls.sslContext(serverContext)))
                .start();
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(clientContext).build();
    }

    @AfterAll
    static void stop() {
        if (plain != null) {
            plain.stop();
        }
        if (secure != null) {
            secure.stop();
        }
    }

    private static KeyStore selfSigned(Path store) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "spur",
                "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost", "-validity", "2",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", "changeit", "-keypass", "changeit"))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD);
        }
        return keys;
    }

    private static HttpResponse<String> get(String scheme, int port, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(scheme + "://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void schemeSelectsTheRouteOverTlsAndPlainHttp() throws Exception {
        assertEquals("https", get("https", secure.port(), "/where").body());
        assertEquals("http", get("http", plain.port(), "/where").body());
    }

    @Test
    void anHttpsOnlyRouteIsNotFoundOverPlainHttp() throws Exception {
        assertEquals("tls", get("https", secure.port(), "/only-tls").body());
        assertEquals(404, get("http", plain.port(), "/only-tls").statusCode());
    }
}
