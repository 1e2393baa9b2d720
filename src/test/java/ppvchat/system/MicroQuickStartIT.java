package ppvchat.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The quick start: the one WAR on Payara Micro, with the demo site, on an embedded H2 file. Then a restart
 * on the same file: the data is kept and the demo is not loaded a second time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MicroQuickStartIT {

    private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(180);

    private Path work;
    private Path database;
    private PayaraMicroProcess micro;
    private int starts;

    @BeforeAll
    void startOnAnEmptyDatabase() {
        work = SystemTestSettings.freshWorkDir("micro-quickstart");
        database = work.resolve("h2").resolve("ppv");
        micro = start();
    }

    @AfterAll
    void stop() {
        if (micro != null) {
            micro.close();
        }
    }

    @Test
    @Order(1)
    void healthIsUp() {
        ProductChecks.healthIsUp(micro.site());
    }

    @Test
    @Order(2)
    void wallShowsTheDemoPerformersWithTheirPhotos() {
        JsonArray wall = ProductChecks.demoWall(micro.site());
        ProductChecks.photosAreServedSafely(micro.site(), wall);
    }

    @Test
    @Order(2)
    void openApiServesTheExternalModeContract() {
        var response = micro.site().get("/openapi");
        assertEquals(200, response.statusCode(), response::body);
        assertTrue(response.body().startsWith("openapi: 3.0.3"), response::body);
        assertTrue(response.body().contains("/debit:") && response.body().contains("X-PPV-Signature"), response::body);
    }

    @Test
    @Order(3)
    void unknownWebmasterIsNotFound() {
        ProductChecks.unknownWebmasterIsJson404(micro.site());
    }

    @Test
    @Order(4)
    void photoIsNotServedUnderAnotherWebmaster() {
        ProductChecks.photoOfAnotherWebmasterIsNotFound(micro.site(), ProductChecks.demoWall(micro.site()));
    }

    @Test
    @Order(5)
    void publicPagesAreServed() {
        ProductChecks.publicPagesAreServed(micro.site());
    }

    @Test
    @Order(5)
    void embedScriptsAndTheClientsEndpointsWork() {
        ProductChecks.embedScriptsCarryTheSiteSettings(micro.site());
        ProductChecks.theApiAnswersBrowsersOnAllowedOriginsOnly(micro.site(), "http://localhost:8080");
        ProductChecks.clientEndpointsAnswerForTheSignedIn(micro.site());
    }

    @Test
    @Order(6)
    void consoleSendsVisitorsToLogin() {
        ProductChecks.consoleSendsVisitorsToLogin(micro.site());
    }

    @Test
    @Order(7)
    void signInPageLoadsItsAssets() {
        ProductChecks.signInPageAssetsArePublic(micro.site());
        ProductChecks.consoleSessionCookieIsLockedDown(micro.site());
    }

    @Test
    @Order(8)
    void demoAdminSeesTheDashboard() {
        ProductChecks.consoleShowsDemoDashboard(micro.site());
    }

    @Test
    @Order(9)
    void wrongPasswordIsRefused() {
        ProductChecks.wrongPasswordIsRefused(micro.site());
        ProductChecks.consoleSignInIsRateLimited(micro.site());
        ProductChecks.consolePasswordCanBeChanged(micro.site());
        ProductChecks.consoleSettingsAreSavedWholeOrNotAtAll(micro.site());
        ProductChecks.consoleAdjustsAUsersCreditsThroughTheLedger(micro.site());
        ProductChecks.consoleManagesCreditPackages(micro.site());
        ProductChecks.consoleRolesSeeOnlyTheirPages(micro.site());
    }

    @Test
    @Order(9)
    void platformAndSiteWidePagesWork() {
        ConsolePlatformChecks.platformAdminCreatesASiteWhoseAdminSeesOnlyIt(micro.site());
        ConsolePlatformChecks.apiSecretIsShownOnceWhenCreated(micro.site());
        ConsolePlatformChecks.rolesPageChangesGrantsAndAddsConsoleAccounts(micro.site());
        ConsolePlatformChecks.cssPreviewIsServed(micro.site());
    }

    @Test
    @Order(9)
    void adminsManagePerformersAndTheirPhotos() {
        ConsolePerformersChecks.consoleManagesPerformers(micro.site());
        ConsolePerformersChecks.consoleUploadsPerformerPhotos(micro.site());
    }

    @Test
    @Order(9)
    void moderatorsWatchTheRoomsAndBanFromTheConsole() {
        ConsoleModerationChecks.moderatorsHaveLiveAndModeration(micro.site());
        ConsoleModerationChecks.adminBansOnTheUsersPageAndLiftsOnModeration(micro.site());
        ConsoleModerationChecks.moderatorEditsMaskedWords(micro.site());
    }

    @Test
    @Order(9)
    void performersAskForSupportAndTheConsoleAnswers() {
        SupportChecks.performersKeepTheirOwnTicketsOverTheApi(micro.site());
        SupportChecks.theConsoleAnswersAPerformersTicket(micro.site());
    }

    @Test
    @Order(9)
    void adminsChooseWhereTheCreditsLive() {
        ConsoleExternalModeChecks.adminMovesTheCreditsToTheSitesServerAndBack(micro.site());
    }

    @Test
    @Order(9)
    void theAccountantsReportsAddUp() {
        ConsoleReportsChecks.accountantDownloadsTheEarningsCsvWithThePagesTotals(micro.site());
    }

    @Test
    @Order(9)
    void theAccountantRunsTheDemosPastWeeksAndPaysAStatement() {
        ConsolePayoutsChecks.accountantRunsTheDemosPastWeeksAndPaysAStatement(micro.site());
    }

    @Test
    @Order(10)
    void restartOnTheSameDatabaseKeepsTheDataAndLoadsTheDemoOnce() {
        JsonArray before = ProductChecks.demoWall(micro.site());
        long users = ProductChecks.consoleUserCount(micro.site());

        micro.close();
        micro = null;
        micro = start();

        ProductChecks.healthIsUp(micro.site());
        assertEquals(before, ProductChecks.demoWall(micro.site()), "same performers, same ids, after the restart");
        ProductChecks.onlyTheDemoSiteExists(micro.site());
        ProductChecks.consoleShowsDemoDashboard(micro.site(), users);
    }

    /** After the restart: registering adds users, which the dashboard check above counts. */
    @Test
    @Order(30)
    void demoLoginsGetTokensThatRefresh() {
        ChatSignInChecks.demoLoginsGetTokensThatRefresh(micro.site());
    }

    @Test
    @Order(31)
    void failedSignInsSayNothingAboutWhichPartWasWrongAndAreLimited() {
        ChatSignInChecks.failedSignInsSayNothingAboutWhichPartWasWrongAndAreLimited(micro.site());
    }

    @Test
    @Order(32)
    void visitorsRegisterOrEnterAsGuests() {
        ChatSignInChecks.visitorsRegisterOrEnterAsGuests(micro.site());
    }

    /** Starts Micro on the test's H2 file with a fresh runtime directory, and reports how long it took. */
    private PayaraMicroProcess start() {
        int start = ++starts;
        PayaraMicroProcess started = PayaraMicroProcess.start(
                SystemTestSettings.existingFile("ppv.micro.jar"),
                SystemTestSettings.existingFile("ppv.micro.war"),
                work.resolve("run-" + start),
                Map.of(
                        "ppv.demo.enabled", "true",
                        "ppv.secrets.key", "cXVpY2stc3RhcnQtc3lzdGVtLXRlc3Qtc2VjcmV0cyE=",
                        "ppv.datasource.class", "org.h2.jdbcx.JdbcDataSource",
                        "ppv.datasource.url", "jdbc:h2:file:" + database + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE"));
        try {
            long millis = started.awaitReady(BOOT_TIMEOUT);
            System.out.println("[measure] payara-micro boot-to-ready ms=" + millis + " (start " + start + ")");
            started.residentKb()
                    .ifPresent(
                            kb -> System.out.println("[measure] payara-micro rss-kb=" + kb + " (start " + start + ")"));
            return started;
        } catch (RuntimeException | Error e) {
            started.close();
            throw e;
        }
    }
}
