package ppvchat.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A payout run killed halfway (SIGKILL, a power cut) and resumed by the restarted server gives the same
 * statements as an uninterrupted run over the same data, on Payara Micro against MariaDB. Two sites get the
 * same earnings, performer for performer; site X's run is killed when about half its performers are paid,
 * site Y's runs without interruption after the restart.
 */
class PayoutCrashIT {

    static final int PERFORMERS = 800;
    static final int EARNINGS_PER_PERFORMER = 60;

    @Test
    void aRunKilledHalfwayAndResumedMakesTheStatementsOfAnUninterruptedRun() throws Exception {
        String url = TestDatabase.recreate("ppv_payout_crash");
        Path work = SystemTestSettings.freshWorkDir("payout-crash");
        long x;
        long y;
        long xRun;
        int doneAtKill;
        try (PayaraMicroProcess first = start(url, work.resolve("first"))) {
            try (Connection db = connect(url)) {
                x = site(db, "X");
                y = site(db, "Y");
                xRun = queueRun(db, x);
                doneAtKill = awaitProgress(db, xRun, PERFORMERS * 2 / 5);
                first.crash();
            }
        }
        try (Connection db = connect(url)) {
            assertTrue(doneAtKill < PERFORMERS, "killed before the end: " + doneAtKill);
            assertEquals("RUNNING", text(db, "SELECT status FROM payout_run WHERE id = ?", xRun));
            long statements = number(db, "SELECT COUNT(*) FROM payout_statement WHERE run_id = ?", xRun);
            assertEquals(
                    number(db, "SELECT performers_done FROM payout_run WHERE id = ?", xRun),
                    statements,
                    "the statements committed are those of the chunks the run counted");
            assertEveryStatementIsTheSumOfItsMarks(db, x);
        }

        try (PayaraMicroProcess second = start(url, work.resolve("second"))) {
            try (Connection db = connect(url)) {
                awaitCompleted(db, xRun);
                long yRun = queueRun(db, y);
                awaitCompleted(db, yRun);

                assertEquals(2, number(db, "SELECT attempts FROM payout_run WHERE id = ?", xRun), "resumed once");
                assertEquals(1, number(db, "SELECT attempts FROM payout_run WHERE id = ?", yRun));
                Map<String, String> resumed = statementsByPerformer(db, x);
                Map<String, String> uninterrupted = statementsByPerformer(db, y);
                assertEquals(PERFORMERS, resumed.size(), "one statement per performer");
                assertEquals(uninterrupted, resumed);
                for (long site : List.of(x, y)) {
                    assertEquals(
                            0,
                            number(
                                    db,
                                    "SELECT COUNT(*) FROM ppv_tips WHERE webmasterid = ?" + " AND statement_id IS NULL",
                                    site),
                            "every earning of site " + site + " is paid");
                    assertEquals(
                            PERFORMERS,
                            number(db, "SELECT performers_done FROM payout_run WHERE" + " webmasterid = ?", site));
                    assertEveryStatementIsTheSumOfItsMarks(db, site);
                }
                System.out.println("[measure] payout run killed at " + doneAtKill + " of " + PERFORMERS
                        + " performers, resumed by the restarted server: statements equal the uninterrupted run's");
            }
        }
    }

    private static PayaraMicroProcess start(String url, Path runDir) {
        Map<String, String> settings = SystemTestSettings.loadTestOnMariaDb(url);
        settings.put("ppv.payouts.look-seconds", "2");
        PayaraMicroProcess server = PayaraMicroProcess.start(
                SystemTestSettings.existingFile("ppv.micro.jar"),
                SystemTestSettings.existingFile("ppv.micro.war"),
                runDir,
                settings);
        server.awaitReady(Duration.ofMinutes(4));
        return server;
    }

    /**
     * A site with {@link #PERFORMERS} performers, each with {@link #EARNINGS_PER_PERFORMER} tips of 1 to 50
     * credits in the week of March 2, 2026, interleaved as real traffic is. Both sites get the same numbers.
     */
    private static long site(Connection db, String name) throws SQLException {
        long site;
        try (PreparedStatement insert = db.prepareStatement(
                "INSERT INTO webmaster (name, integration_mode, currency, credit_value, default_percentage,"
                        + " min_price_per_minute, max_price_per_minute, grace_seconds, min_balance_start,"
                        + " min_balance_stay, low_balance_warnings, rounding_rule, created_at)"
                        + " VALUES (?, 'EMBED', 'EUR', 0.05, 50, 1, 1000, 0, 0, 0, '60', 'UP', NOW(6))",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, "Crash " + name);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                site = keys.getLong(1);
            }
        }
        String prefix = name.toLowerCase() + "-";
        try (Statement sql = db.createStatement()) {
            sql.executeUpdate("INSERT INTO chat_user (webmasterid, external_id, username, gender, role, created_at)"
                    + " SELECT " + site + ", CONCAT('" + prefix + "', seq), CONCAT('" + prefix + "', seq), 'UNKNOWN',"
                    + " IF(seq <= " + PERFORMERS + ", 'PERFORMER', 'USER'), NOW(6) FROM seq_1_to_" + (PERFORMERS + 50));
            sql.executeUpdate("INSERT INTO performer (webmasterid, user_id, display_name, price_per_minute, created_at)"
                    + " SELECT u.webmasterid, u.id, CONCAT('P', LPAD(SUBSTRING(u.username, " + (prefix.length() + 1)
                    + "), 5, '0')), 60, NOW(6) FROM chat_user u WHERE u.webmasterid = " + site
                    + " AND u.role = 'PERFORMER' ORDER BY u.id");
            long firstPerformer = first(db, "SELECT MIN(id) FROM performer WHERE webmasterid = " + site);
            long firstUser =
                    first(db, "SELECT MIN(id) FROM chat_user WHERE webmasterid = " + site + " AND role = 'USER'");
            int rows = PERFORMERS * EARNINGS_PER_PERFORMER;
            sql.executeUpdate("INSERT INTO ppv_tips (webmasterid, userid, performerid, action, credits, price,"
                    + " performerBenefit, date) SELECT " + site + ", " + firstUser + " + seq % 50, "
                    + firstPerformer + " + (seq * 7919) % " + PERFORMERS + ", 'tips', 1 + seq % 50,"
                    + " (1 + seq % 50) * 0.05, ROUND((1 + seq % 50) * 0.025, 2),"
                    + " TIMESTAMP '2026-03-02 00:00:00' + INTERVAL (seq % 604800) SECOND FROM seq_1_to_" + rows);
        }
        return site;
    }

    /** A run for the week, queued as if requested a while ago: the scheduler takes it on its next look (2 s here). */
    private static long queueRun(Connection db, long site) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement(
                "INSERT INTO payout_run (webmasterid, period_start, period_end, time_zone, status, requested_by,"
                        + " requested_at) VALUES (?, '2026-03-02', '2026-03-09', 'UTC', 'QUEUED', 'crash-test',"
                        + " UTC_TIMESTAMP(6) - INTERVAL 5 MINUTE)",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, site);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static int awaitProgress(Connection db, long run, int atLeast) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            int done = (int) number(db, "SELECT performers_done FROM payout_run WHERE id = ?", run);
            if (done >= atLeast) {
                return done;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("run " + run + " did not reach " + atLeast + " performers");
    }

    private static void awaitCompleted(Connection db, long run) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            String status = text(db, "SELECT status FROM payout_run WHERE id = ?", run);
            if ("COMPLETED".equals(status)) {
                return;
            }
            if ("FAILED".equals(status)) {
                throw new AssertionError(
                        "run " + run + " failed: " + text(db, "SELECT failure FROM payout_run WHERE id = ?", run));
            }
            Thread.sleep(200);
        }
        throw new AssertionError("run " + run + " did not complete");
    }

    /** Each statement's figures, by performer name. */
    private static Map<String, String> statementsByPerformer(Connection db, long site) throws SQLException {
        Map<String, String> statements = new TreeMap<>();
        try (PreparedStatement query = db.prepareStatement("SELECT p.display_name, s.tips_count, s.tips_credits,"
                + " s.shows_count, s.gross, s.performer_benefit, s.period_start, s.period_end, s.status"
                + " FROM payout_statement s JOIN performer p ON p.id = s.performer_id WHERE s.webmasterid = ?")) {
            query.setLong(1, site);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    List<String> cells = new ArrayList<>();
                    for (int i = 2; i <= 9; i++) {
                        cells.add(rows.getString(i));
                    }
                    statements.put(rows.getString(1), String.join(" ", cells));
                }
            }
        }
        return statements;
    }

    private static void assertEveryStatementIsTheSumOfItsMarks(Connection db, long site) throws SQLException {
        assertEquals(
                0,
                number(
                        db,
                        "SELECT COUNT(*) FROM payout_statement s WHERE s.webmasterid = ? AND"
                                + " (s.tips_count, s.tips_credits, s.gross, s.performer_benefit) <> (SELECT COUNT(*), SUM(t.credits),"
                                + " SUM(t.price), SUM(t.performerBenefit) FROM ppv_tips t WHERE t.statement_id = s.id)",
                        site),
                "a statement whose figures are not the sum of the earnings it marked");
    }

    private static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(
                url, SystemTestSettings.value("ppv.mariadb.user"), SystemTestSettings.value("ppv.mariadb.password"));
    }

    private static long first(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static long number(Connection db, String sql, long parameter) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setLong(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static String text(Connection db, String sql, long parameter) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setLong(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }
}
