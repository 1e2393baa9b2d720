package ppvchat.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The EAR on Payara Server, configured by the committed {@code domain.xml}, on MariaDB: the same product as
 * on Micro, with the console as its own WAR at {@code /admin}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EarOnPayaraServerIT {

    private static final String DATABASE = "ppv_ear";

    private PayaraServerDomain domain;
    private String databaseUrl;

    @BeforeAll
    void deployTheEar() throws Exception {
        Path work = SystemTestSettings.freshWorkDir("payara-server");
        databaseUrl = TestDatabase.recreate(DATABASE);
        DomainXml.Ports ports = DomainXml.Ports.free();
        domain = new PayaraServerDomain(
                SystemTestSettings.existingFile("ppv.server.home"),
                work,
                ports,
                // The password is not in domain.xml: operators give it to the domain's environment.
                Map.of("PPV_DATASOURCE_PASSWORD", SystemTestSettings.value("ppv.mariadb.password")));
        domain.configure(DomainXml.forTest(
                Files.readString(SystemTestSettings.existingFile("ppv.domain.xml")),
                databaseUrl,
                SystemTestSettings.value("ppv.mariadb.user"),
                ports));

        long startMillis = domain.start();
        System.out.println("[measure] payara-server start-domain ms=" + startMillis);
        long deployMillis = domain.deploy(SystemTestSettings.existingFile("ppv.ear"));
        System.out.println("[measure] payara-server deploy ms=" + deployMillis);
        domain.awaitReady(Duration.ofSeconds(120));
        domain.residentKb().ifPresent(kb -> System.out.println("[measure] payara-server rss-kb=" + kb));
    }

    @AfterAll
    void stopTheDomain() {
        if (domain != null) {
            domain.close();
        }
    }

    @Test
    void healthIsUp() {
        ProductChecks.healthIsUp(domain.site());
    }

    @Test
    void wallShowsTheDemoPerformersWithTheirPhotos() {
        JsonArray wall = ProductChecks.demoWall(domain.site());
        ProductChecks.photosAreServedSafely(domain.site(), wall);
    }

    @Test
    void unknownWebmasterIsNotFound() {
        ProductChecks.unknownWebmasterIsJson404(domain.site());
    }

    @Test
    void photoIsNotServedUnderAnotherWebmaster() {
        ProductChecks.photoOfAnotherWebmasterIsNotFound(domain.site(), ProductChecks.demoWall(domain.site()));
    }

    @Test
    void publicPagesAreServed() {
        ProductChecks.publicPagesAreServed(domain.site());
    }

    @Test
    void consoleSendsVisitorsToLogin() {
        ProductChecks.consoleSendsVisitorsToLogin(domain.site());
    }

    @Test
    void signInPageLoadsItsAssets() {
        ProductChecks.signInPageAssetsArePublic(domain.site());
    }

    @Test
    void consoleSessionCookieIsLockedDown() {
        ProductChecks.consoleSessionCookieIsLockedDown(domain.site());
    }

    @Test
    void demoAdminSeesTheDashboard() {
        ProductChecks.consoleShowsDemoDashboard(domain.site());
    }

    @Test
    void wrongPasswordIsRefused() {
        ProductChecks.wrongPasswordIsRefused(domain.site());
    }

    @Test
    void chatPasswordsAreStoredAsStrongHashesOnly() throws Exception {
        ChatSignInChecks.demoLoginsGetTokensThatRefresh(domain.site());
        try (Connection db = DriverManager.getConnection(
                        databaseUrl,
                        SystemTestSettings.value("ppv.mariadb.user"),
                        SystemTestSettings.value("ppv.mariadb.password"));
                Statement query = db.createStatement();
                ResultSet hashes =
                        query.executeQuery("SELECT password_hash FROM chat_user WHERE password_hash IS NOT NULL")) {
            int count = 0;
            while (hashes.next()) {
                count++;
                String hash = hashes.getString(1);
                assertTrue(hash.startsWith("PBKDF2WithHmacSHA256:600000:"), "PBKDF2-HMAC-SHA256, 600,000 iterations");
                assertFalse(hash.contains(ChatSignInChecks.DEMO_PASSWORD), "never the password itself");
            }
            assertEquals(8, count, "the demo's performers, users and moderator");
        }
    }

    /** Last: it stops the domain. */
    @Test
    @Order(Integer.MAX_VALUE)
    void stopDomainSettlesEveryRunningShowToTheSecondTheStopBegan() throws Exception {
        HttpResponse<String> started =
                domain.site().post("/api/loadtest/shows?count=10&rate=60&credits=1000&grace=2", Duration.ofMinutes(2));
        assertEquals(200, started.statusCode(), started::body);
        long webmasterId = Json.createReader(new StringReader(started.body()))
                .readObject()
                .getJsonNumber("webmasterId")
                .longValue();
        Readiness.sleep(Duration.ofSeconds(5));
        Instant stopping = Instant.now();
        domain.close();

        List<MeteringDatabase.ShowRow> shows = new MeteringDatabase(databaseUrl).shows(webmasterId);
        assertEquals(10, shows.size());
        for (MeteringDatabase.ShowRow show : shows) {
            String which = "show " + show.id();
            assertEquals("SERVER_RESTART", show.endReason(), which);
            assertTrue(show.ended().isAfter(stopping), which + " ended before asadmin stop-domain ran");
            // Exactly: a tick that read the meter after the stop began must not add its second (it once did).
            assertEquals(show.billableAt(show.ended()), show.billed(), which + " billed to the stop instant");
            assertTrue(show.billed() >= 3, which + " billed " + show.billed() + " s of at least 3 after grace");
            assertEquals(show.billed(), show.charged(), which + ": one credit a second");
            assertEquals(0, show.held(), which + " hold released");
        }
    }
}
