package dev.spur.tests.http2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spur.runtime.Router;
import dev.spur.runtime.SpurServer;
import dev.spur.tests.support.InProcessCompiler;
import io.helidon.common.tls.Tls;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTP/2 over TLS with ALPN, and what an {@code Upgrade: h2c} request gets, with Java's own
 * {@link HttpClient} and with curl. The self-signed key pair is made by the running JDK's keytool
 * at test time; no key is kept in the repository.
 */
class Http2TlsTest {

    private static final String SOURCE = """
            package h2tls;

            import dev.spur.Match;
            import dev.spur.Route;

            public class Api {
                @Route(path = "/proto")
                @Match(version = "2", scheme = "https")
                public String two() { return "h2 over tls"; }

                @Route(path = "/proto")
                public String other() { return "not h2"; }
            }
            """;

    private static final char[] PASSWORD = "test-only".toCharArray();

    private static Router router;
    private static SpurServer tls;
    private static SpurServer plain;
    private static SSLContext trusting;
    private static Path pem;

    @BeforeAll
    static void start(@TempDir Path temp) throws Exception {
        ClassLoader loader = InProcessCompiler.compile(temp, Map.of("h2tls/Api.java", SOURCE), "h2tls.Router");
        router = (Router) loader.loadClass("h2tls.Router").getMethod("create").invoke(null);
        Path store = temp.resolve("test.p12");
        pem = temp.resolve("test.pem");
        keytool("-genkeypair", "-alias", "spur", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", new String(PASSWORD));
        keytool("-exportcert", "-rfc", "-alias", "spur", "-keystore", store.toString(),
                "-storepass", new String(PASSWORD), "-file", pem.toString());
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD);
        }
        PrivateKey key = (PrivateKey) keys.getKey("spur", PASSWORD);
        X509Certificate cert = (X509Certificate) keys.getCertificate("spur");
        tls = SpurServer.builder(router).host("127.0.0.1").port(0)
                .tls(Tls.builder().privateKey(key).privateKeyCertChain(List.of(cert)).build())
                .start();
        plain = SpurServer.builder(router).host("127.0.0.1").port(0).start();
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(keys);
        trusting = SSLContext.getInstance("TLS");
        trusting.init(null, trust.getTrustManagers(), null);
    }

    @AfterAll
    static void stop() {
        if (tls != null) {
            tls.stop();
        }
        if (plain != null) {
            plain.stop();
        }
    }

    @Test
    void javaClientNegotiatesH2ByAlpn() throws Exception {
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).sslContext(trusting).build()) {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(
                    URI.create("https://localhost:" + tls.port() + "/proto")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(HttpClient.Version.HTTP_2, answer.version());
            assertEquals(200, answer.statusCode());
            assertEquals("h2 over tls", answer.body());
        }
    }

    @Test
    void javaClientAskingForHttp11OverTlsGetsHttp11() throws Exception {
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(trusting).build()) {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(
                    URI.create("https://localhost:" + tls.port() + "/proto")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(HttpClient.Version.HTTP_1_1, answer.version());
            assertEquals("not h2", answer.body());
        }
    }

    @Test
    void curlNegotiatesH2ByAlpn() throws Exception {
        List<String> out = Http2EndToEndTest.curl("--http2", "--cacert", pem.toString(),
                "https://localhost:" + tls.port() + "/proto");
        assertEquals(List.of("2 200", "h2 over tls"), out);
    }

    @Test
    void anUpgradeToH2cIsAnsweredOverHttp11() throws Exception {
        // Spur offers h2c by prior knowledge only: the upgrade request is answered as HTTP/1.1
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build()) {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + plain.port() + "/proto")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(HttpClient.Version.HTTP_1_1, answer.version());
            assertEquals("not h2", answer.body());
        }
    }

    private static void keytool(String... args) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = new java.util.ArrayList<>(List.of(keytool.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "keytool did not finish");
        assertEquals(0, process.exitValue(), out);
    }
}
