package ppvchat.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Payara Micro on MariaDB with private shows running, stopped the two ways a server stops: a clean stop by
 * SIGTERM, and a power cut (SIGKILL) right after many shows ended while the others held more credits. Each
 * checks, in the database, what every show was billed and charged, and that the books balance.
 */
class MeteringStopsIT {

    /** The documented crash bound: one heartbeat interval, plus the second under way. */
    static final long MAX_LOST_SECONDS = 2;

    @Test
    void aCleanStopSettlesEveryShowToTheSecondOfTheSignal() throws Exception {
        String url = TestDatabase.recreate("ppv_stop");
        MeteringDatabase db = new MeteringDatabase(url);
        Path work = SystemTestSettings.freshWorkDir("metering-stop");
        long webmasterId;
        Instant signalled;
        Duration stopTook;
        try (PayaraMicroProcess server = start(url, work.resolve("server"), Map.of())) {
            // A policy other than the default: grace, a minimum balance to stay, rounding down, 1.5 credits/s.
            webmasterId = startShows(server, 30, 90, 1_000, "grace=3&minStart=20&minStay=5&rounding=DOWN");
            Readiness.sleep(Duration.ofSeconds(7));
            signalled = Instant.now();
            stopTook = server.terminate(Duration.ofMinutes(2));
        }
        List<MeteringDatabase.ShowRow> shows = db.shows(webmasterId);
        assertEquals(30, shows.size());
        for (MeteringDatabase.ShowRow show : shows) {
            String which = "show " + show.id();
            assertEquals("ENDED", show.status(), which);
            assertEquals("SERVER_RESTART", show.endReason(), which);
            long offBy = Duration.between(signalled, show.ended()).toMillis();
            assertTrue(offBy >= 0 && offBy < 1_000, which + " ended " + offBy + " ms after the signal");
            assertTrue(Math.abs(show.billableAt(signalled) - show.billed()) <= 1, which + " billed " + show.billed());
            assertTrue(show.billed() >= 3, which + " billed " + show.billed() + " s of 4 after grace");
            assertEquals(show.billed() * 90 / 60, show.charged(), which + ": billed × rate, rounded down");
            assertChargedOnce(db, show);
            assertEquals(0, show.held(), which + " hold released");
            assertBooksBalance(db, show.userId(), 1_000 - show.charged());
        }
        System.out.println("[measure] clean stop with 30 shows: SIGTERM to exit " + stopTook.toMillis() + " ms");
    }

    @Test
    void aKillRightAfterSettlementsCollidedWithHoldsLosesAtMostTheBoundAndNothingDeadlocks() throws Exception {
        String url = TestDatabase.recreate("ppv_crash");
        MeteringDatabase db = new MeteringDatabase(url);
        Path work = SystemTestSettings.freshWorkDir("metering-crash");
        // Holds of 5 s, extended 3 s before they run out: every show takes more credits every 2-3 seconds.
        Map<String, String> shortHolds =
                Map.of("ppv.metering.hold-seconds", "5", "ppv.metering.extend-below-seconds", "3");
        long ending;
        long surviving;
        long exhausting;
        Instant killedAt;
        long deadlocksBefore = db.deadlocks();
        try (PayaraMicroProcess first = start(url, work.resolve("first"), shortHolds)) {
            ending = startShows(first, 100, 60, 100_000, "grace=0&minStart=1");
            surviving = startShows(first, 100, 60, 100_000, "grace=2&minStart=10&rounding=HALF_UP");
            // 13 credits, 5 kept to stay, one a second after 2 s of grace: out of credits 10 s after the start.
            exhausting = startShows(first, 40, 60, 13, "grace=2&minStart=10&minStay=5&warnings=5,2");
            awaitAllEnded(db, exhausting, Duration.ofSeconds(40));

            HttpResponse<String> ended =
                    first.site().post("/api/loadtest/webmasters/" + ending + "/end-shows", Duration.ofMinutes(2));
            assertEquals(200, ended.statusCode(), ended::body);
            JsonObject metering =
                    json(first.site().get("/api/loadtest/metering").body()).getJsonObject("heartbeat");
            killedAt = Instant.now();
            first.crash();
            assertEquals(0, metering.getJsonNumber("failures").longValue(), metering::toString);
            assertTrue(metering.getJsonNumber("maxGapMillis").longValue() < 2_000, metering::toString);
        }
        assertEquals(deadlocksBefore, db.deadlocks(), "settlements, holds and heartbeats never deadlock");
        assertTrue(db.shows(surviving).stream().allMatch(show -> show.status().equals("RUNNING")), "cut off");

        List<Long> delays = new ArrayList<>();
        for (MeteringDatabase.ShowRow show : db.shows(exhausting)) {
            assertEquals("CREDITS_EXHAUSTED", show.endReason(), "show " + show.id());
            assertEquals(8, show.billed(), "13 credits less 5 to stay pay for 8 s");
            assertEquals(8, show.charged());
            long late = show.exhaustionDelayMillis();
            assertTrue(late >= 0 && late < 1_000, "show " + show.id() + " ended " + late + " ms after its credits");
            delays.add(late);
        }
        for (MeteringDatabase.ShowRow show : db.shows(ending)) {
            assertEquals("USER_LEFT", show.endReason(), "show " + show.id());
            assertChargedOnce(db, show);
        }

        try (PayaraMicroProcess second = start(url, work.resolve("second"), shortHolds)) {
            List<Long> lost = new ArrayList<>();
            for (MeteringDatabase.ShowRow show : db.shows(surviving)) {
                String which = "show " + show.id();
                assertEquals("ENDED", show.status(), which);
                assertEquals("SERVER_RESTART", show.endReason(), which);
                assertEquals(0, show.held(), which + " hold released");
                long lostSeconds = show.billableAt(killedAt) - show.billed();
                assertTrue(lostSeconds >= 0, which + " billed " + show.billed() + " > " + show.billableAt(killedAt));
                assertTrue(lostSeconds <= MAX_LOST_SECONDS, which + " lost " + lostSeconds + " s");
                assertEquals(show.billed(), show.charged(), "60 credits a minute is one credit a second");
                assertChargedOnce(db, show);
                assertBooksBalance(db, show.userId(), 100_000 - show.charged());
                lost.add(lostSeconds);
            }
            for (long site : List.of(ending, surviving, exhausting)) {
                HttpResponse<String> report = second.site().get("/api/loadtest/webmasters/" + site + "/reconciliation");
                assertEquals(200, report.statusCode(), report::body);
                assertTrue(json(report.body()).getJsonArray("problems").isEmpty(), report::body);
            }
            Collections.sort(lost);
            Collections.sort(delays);
            System.out.println("[measure] crash: seconds lost per show median=" + lost.get(lost.size() / 2) + " max="
                    + lost.get(lost.size() - 1) + " bound=" + MAX_LOST_SECONDS + "; out of credits to ended: median="
                    + delays.get(delays.size() / 2) + " ms max=" + delays.get(delays.size() - 1) + " ms");
        }
    }

    private static PayaraMicroProcess start(String url, Path runDir, Map<String, String> extra) {
        Map<String, String> settings = SystemTestSettings.loadTestOnMariaDb(url);
        settings.putAll(extra);
        PayaraMicroProcess server = PayaraMicroProcess.start(
                SystemTestSettings.existingFile("ppv.micro.jar"),
                SystemTestSettings.existingFile("ppv.micro.war"),
                runDir,
                settings);
        server.awaitReady(Duration.ofMinutes(4));
        return server;
    }

    /** A new load-test site with {@code count} running shows; returns its webmaster id. */
    private static long startShows(PayaraMicroProcess server, int count, int rate, long credits, String policy) {
        HttpResponse<String> started = server.site()
                .post(
                        "/api/loadtest/shows?count=" + count + "&rate=" + rate + "&credits=" + credits + "&" + policy,
                        Duration.ofMinutes(5));
        assertEquals(200, started.statusCode(), started::body);
        return json(started.body()).getJsonNumber("webmasterId").longValue();
    }

    private static void awaitAllEnded(MeteringDatabase db, long webmasterId, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!db.shows(webmasterId).stream().allMatch(show -> show.status().equals("ENDED"))) {
            assertTrue(System.nanoTime() < deadline, "shows of site " + webmasterId + " still running");
            Readiness.sleep(Duration.ofMillis(250));
        }
    }

    private static void assertChargedOnce(MeteringDatabase db, MeteringDatabase.ShowRow show) throws Exception {
        long[] ledger = db.ledgerOfShow(show.id());
        assertEquals(show.charged() > 0 ? 1 : 0, ledger[0], "ledger entries of show " + show.id());
        assertEquals(-show.charged(), ledger[1], "the ledger charged show " + show.id() + " what it records");
    }

    private static void assertBooksBalance(MeteringDatabase db, long userId, long expected) throws Exception {
        long[] user = db.user(userId);
        assertEquals(expected, user[0], "balance of user " + userId);
        assertEquals(0, user[1], "nothing held for user " + userId);
        assertEquals(user[0], user[2], "the balance of user " + userId + " is the sum of their ledger");
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }
}
