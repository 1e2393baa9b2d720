package ppvchat.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Kills Payara Micro (SIGKILL) in the middle of running private shows, starts it again on the same
 * MariaDB database, and checks what the restart settled: every show ended once, from its last
 * checkpoint, losing at most the documented bound of seconds in the user's favour, and the books balance.
 */
class MeteringCrashIT {

    static final int SHOWS = 20;
    static final int RATE = 60;
    static final long CREDITS = 1_000;
    static final int CHECKPOINT_SECONDS = 5;
    /** The documented bound: one checkpoint interval, plus the tick's second and the write's latency. */
    static final long MAX_LOST_SECONDS = CHECKPOINT_SECONDS + 2;

    record ShowRow(
            long id,
            long userId,
            String status,
            String endReason,
            long billed,
            long charged,
            long held,
            Instant started) {}

    @Test
    void aKilledServerLosesAtMostOneCheckpointIntervalAndChargesNothingTwice() throws Exception {
        String url = TestDatabase.recreate("ppv_crash");
        Path work = SystemTestSettings.freshWorkDir("metering-crash");
        Map<String, String> settings = Map.of(
                "ppv.datasource.class",
                "org.mariadb.jdbc.MariaDbDataSource",
                "ppv.datasource.url",
                url,
                "ppv.datasource.user",
                SystemTestSettings.value("ppv.mariadb.user"),
                "ppv.datasource.password",
                SystemTestSettings.value("ppv.mariadb.password"),
                "ppv.loadtest.enabled",
                "true",
                "ppv.metering.checkpoint-seconds",
                Integer.toString(CHECKPOINT_SECONDS));
        Path jar = SystemTestSettings.existingFile("ppv.micro.jar");
        Path war = SystemTestSettings.existingFile("ppv.micro.war");

        long webmasterId;
        Instant killedAt;
        try (PayaraMicroProcess first = PayaraMicroProcess.start(jar, war, work.resolve("first"), settings)) {
            first.awaitReady(Duration.ofMinutes(4));
            HttpResponse<String> started = first.site()
                    .post(
                            "/api/loadtest/shows?count=" + SHOWS + "&rate=" + RATE + "&credits=" + CREDITS,
                            Duration.ofMinutes(5));
            assertEquals(200, started.statusCode(), started::body);
            webmasterId = json(started.body()).getJsonNumber("webmasterId").longValue();
            int grace = graceSeconds(url, webmasterId);
            Readiness.sleep(Duration.ofSeconds(grace + 8L));
            killedAt = Instant.now();
            first.crash();
        }
        List<ShowRow> leftOpen = shows(url, webmasterId);
        assertEquals(SHOWS, leftOpen.size());
        assertTrue(leftOpen.stream().allMatch(show -> show.status().equals("RUNNING")), "the crash left them running");

        try (PayaraMicroProcess second = PayaraMicroProcess.start(jar, war, work.resolve("second"), settings)) {
            second.awaitReady(Duration.ofMinutes(4));
            int grace = graceSeconds(url, webmasterId);
            List<Long> lost = new ArrayList<>();
            for (ShowRow show : shows(url, webmasterId)) {
                assertEquals("ENDED", show.status(), "show " + show.id());
                assertEquals("SERVER_RESTART", show.endReason(), "show " + show.id());
                assertEquals(0, show.held(), "hold released on show " + show.id());
                long billable =
                        Math.max(0, Duration.between(show.started(), killedAt).toSeconds() - grace);
                long lostSeconds = billable - show.billed();
                assertTrue(lostSeconds >= 0, "show " + show.id() + " billed " + show.billed() + " > " + billable);
                assertTrue(lostSeconds <= MAX_LOST_SECONDS, "show " + show.id() + " lost " + lostSeconds + " s");
                assertEquals(show.billed(), show.charged(), "60 credits a minute is one credit a second");
                assertEquals(show.charged(), chargedInLedger(url, show.id()), "one charge of the same amount");
                assertEquals(CREDITS - show.charged(), balance(url, show.userId()));
                lost.add(lostSeconds);
            }
            HttpResponse<String> report =
                    second.site().get("/api/loadtest/webmasters/" + webmasterId + "/reconciliation");
            assertEquals(200, report.statusCode(), report::body);
            assertTrue(json(report.body()).getJsonArray("problems").isEmpty(), report::body);
            Collections.sort(lost);
            System.out.println("[measure] crash recovery seconds lost per show: median=" + lost.get(lost.size() / 2)
                    + " max=" + lost.get(lost.size() - 1) + " bound=" + MAX_LOST_SECONDS);
        }
    }

    private static List<ShowRow> shows(String url, long webmasterId) throws SQLException {
        List<ShowRow> rows = new ArrayList<>();
        try (Connection db = connect(url);
                PreparedStatement query = db.prepareStatement(
                        "SELECT id, user_id, status, end_reason, billed_seconds, credits_charged, held_credits, started_at"
                                + " FROM private_show WHERE webmasterid = ? ORDER BY id")) {
            query.setLong(1, webmasterId);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    rows.add(new ShowRow(
                            row.getLong(1),
                            row.getLong(2),
                            row.getString(3),
                            row.getString(4),
                            row.getLong(5),
                            row.getLong(6),
                            row.getLong(7),
                            row.getObject(8, LocalDateTime.class).toInstant(ZoneOffset.UTC)));
                }
            }
        }
        return rows;
    }

    private static int graceSeconds(String url, long webmasterId) throws SQLException {
        return (int) single(url, "SELECT grace_seconds FROM webmaster WHERE id = ?", webmasterId);
    }

    private static long chargedInLedger(String url, long showId) throws SQLException {
        assertEquals(1, single(url, "SELECT COUNT(*) FROM ledger_entry WHERE show_id = ?", showId), "entries");
        return -single(url, "SELECT SUM(credits) FROM ledger_entry WHERE show_id = ?", showId);
    }

    private static long balance(String url, long userId) throws SQLException {
        return single(url, "SELECT credits FROM chat_user WHERE id = ?", userId);
    }

    private static long single(String url, String sql, long parameter) throws SQLException {
        try (Connection db = connect(url);
                PreparedStatement query = db.prepareStatement(sql)) {
            query.setLong(1, parameter);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(
                url, SystemTestSettings.value("ppv.mariadb.user"), SystemTestSettings.value("ppv.mariadb.password"));
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }
}
