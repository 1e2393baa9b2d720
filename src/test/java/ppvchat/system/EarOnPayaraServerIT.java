package ppvchat.system;

import jakarta.json.JsonArray;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The EAR on Payara Server, configured by the committed {@code domain.xml}, on MariaDB: the same product as
 * on Micro, with the console as its own WAR at {@code /admin}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EarOnPayaraServerIT {

    private static final String DATABASE = "ppv_ear";

    private PayaraServerDomain domain;

    @BeforeAll
    void deployTheEar() throws Exception {
        Path work = SystemTestSettings.freshWorkDir("payara-server");
        String databaseUrl = TestDatabase.recreate(DATABASE);
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
}
