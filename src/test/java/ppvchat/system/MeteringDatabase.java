package ppvchat.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the metering tests and the benchmark read straight from MariaDB, as an auditor would. */
final class MeteringDatabase {

    /** One private show as stored. */
    record ShowRow(
            long id,
            long userId,
            String status,
            String endReason,
            long billed,
            long charged,
            long held,
            int grace,
            Instant started,
            Instant ended) {

        /** Seconds billable had the show stopped at {@code at}: whole seconds after the grace period. */
        long billableAt(Instant at) {
            return Math.max(0, Duration.between(started, at).toSeconds() - grace);
        }

        /** For a show that ran out of credits: from the instant its last paid second ended to its end. */
        long exhaustionDelayMillis() {
            return Duration.between(started.plusSeconds(grace + billed), ended).toMillis();
        }
    }

    private final String url;

    MeteringDatabase(String url) {
        this.url = url;
    }

    List<ShowRow> shows(long webmasterId) throws SQLException {
        List<ShowRow> rows = new ArrayList<>();
        try (Connection db = connect();
                PreparedStatement query = db.prepareStatement("SELECT id, user_id, status, end_reason, billed_seconds,"
                        + " credits_charged, held_credits, grace_seconds, started_at, ended_at"
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
                            row.getInt(8),
                            instant(row, 9),
                            instant(row, 10)));
                }
            }
        }
        return rows;
    }

    /** Ledger entries posted for a show: their count and their sum (negative: a charge). */
    long[] ledgerOfShow(long showId) throws SQLException {
        return pair("SELECT COUNT(*), COALESCE(SUM(credits), 0) FROM ledger_entry WHERE show_id = ?", showId);
    }

    /** A user's balance, credits held, and the sum of their ledger. */
    long[] user(long userId) throws SQLException {
        long[] row = pair("SELECT credits, held_credits FROM chat_user WHERE id = ?", userId);
        long ledger = pair(
                "SELECT COALESCE(SUM(l.credits), 0), 0 FROM ledger_entry l JOIN chat_user u"
                        + " ON l.webmasterid = u.webmasterid AND l.user_id = u.id WHERE u.id = ?",
                userId)[0];
        return new long[] {row[0], row[1], ledger};
    }

    /** InnoDB's count of deadlocks since the server started. */
    long deadlocks() throws SQLException {
        return globalStatus("Innodb_deadlocks").get("Innodb_deadlocks");
    }

    /** MariaDB's own counters: rows written (handler writes, updates, deletes) and write statements run. */
    Map<String, Long> writeCounters() throws SQLException {
        Map<String, Long> status = globalStatus(
                "Handler_write", "Handler_update", "Handler_delete", "Com_insert", "Com_update", "Com_delete");
        return Map.of(
                "rows", status.get("Handler_write") + status.get("Handler_update") + status.get("Handler_delete"),
                "statements", status.get("Com_insert") + status.get("Com_update") + status.get("Com_delete"));
    }

    /** After a clean stop: every show ended, nothing held, each balance equal to its ledger. */
    String stoppedCleanly(long webmasterId) throws SQLException {
        try (Connection db = connect();
                PreparedStatement query = db.prepareStatement(
                        "SELECT"
                                + " (SELECT COUNT(*) FROM private_show WHERE webmasterid = ? AND status <> 'ENDED'),"
                                + " (SELECT COUNT(*) FROM chat_user u LEFT JOIN (SELECT user_id, SUM(credits) AS total"
                                + "  FROM ledger_entry WHERE webmasterid = ? GROUP BY user_id) l ON l.user_id = u.id"
                                + "  WHERE u.webmasterid = ? AND (u.held_credits <> 0 OR u.credits <> COALESCE(l.total, 0)))")) {
            query.setLong(1, webmasterId);
            query.setLong(2, webmasterId);
            query.setLong(3, webmasterId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1) == 0 && row.getLong(2) == 0
                        ? "clean"
                        : "BROKEN: " + row.getLong(1) + " shows open, " + row.getLong(2) + " users off";
            }
        }
    }

    /** Numeric server status variables by name; {@code names} are constants of this class, never input. */
    private Map<String, Long> globalStatus(String... names) throws SQLException {
        Map<String, Long> status = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        try (Connection db = connect();
                Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery(
                        "SHOW GLOBAL STATUS WHERE Variable_name IN ('" + String.join("', '", names) + "')")) {
            while (rows.next()) {
                status.put(rows.getString(1), rows.getLong(2));
            }
        }
        for (String name : names) {
            if (!status.containsKey(name)) {
                throw new IllegalStateException("MariaDB reports no status " + name);
            }
        }
        return status;
    }

    private long[] pair(String sql, long parameter) throws SQLException {
        try (Connection db = connect();
                PreparedStatement query = db.prepareStatement(sql)) {
            query.setLong(1, parameter);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("no row for " + parameter + ": " + sql);
                }
                return new long[] {row.getLong(1), row.getLong(2)};
            }
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(
                url, SystemTestSettings.value("ppv.mariadb.user"), SystemTestSettings.value("ppv.mariadb.password"));
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        LocalDateTime value = row.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
