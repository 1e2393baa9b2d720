package ppvchat.system;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongConsumer;

/**
 * What the payout benchmark writes to and reads from MariaDB itself, over JDBC as the test account: the
 * generated site and its earnings, the floor query, the queued run, the run's progress, and the checks of
 * what the run made.
 */
final class PayoutBenchData {

    /** What one credit is worth on the generated site: a price is credits × this, the performer gets half. */
    static final BigDecimal CREDIT_VALUE = new BigDecimal("0.10");

    /** Earnings per INSERT … SELECT: one transaction, one progress line. */
    static final long BATCH = 1_000_000;

    /**
     * A prime above any performer count the benchmark takes: earning n goes to performer (n × STRIDE) mod P,
     * so neighbouring earnings belong to different performers and each performer's earnings lie spread over
     * the whole table, as on a busy site where every room tips at once.
     */
    static final long STRIDE = 1_000_003;

    /** The single query that adds up what the run pays, the floor the job is measured against. */
    static final String FLOOR = "SELECT performerid, COUNT(*), SUM(credits), SUM(price), SUM(performerBenefit)"
            + " FROM ppv_tips WHERE webmasterid = ? AND statement_id IS NULL AND date < ? GROUP BY performerid";

    /**
     * The same query read by one pass over the table. MariaDB runs {@link #FLOOR} along ix_ppv_tips_period
     * (it gives the GROUP BY's order) and looks each earning up in the table from there, which is several
     * times slower than reading the table through once: this is the stricter floor.
     */
    static final String FLOOR_SCAN = FLOOR.replace("FROM ppv_tips", "FROM ppv_tips FORCE INDEX (PRIMARY)");

    /** The generated site: its performers and users have consecutive ids. */
    record Site(
            long webmasterId,
            long firstPerformerId,
            int performers,
            long firstUserId,
            int users,
            long earnings,
            LocalDate periodStart,
            LocalDate periodEnd) {

        /** The period's end in UTC, the site's time zone: the run pays what is dated before it. */
        LocalDateTime endUtc() {
            return periodEnd.atStartOfDay();
        }
    }

    /** Counted earnings: how many, their credits, their price and the performers' part of it. */
    record Sums(long rows, long credits, BigDecimal gross, BigDecimal benefit) {

        static final Sums NONE = new Sums(0, 0, BigDecimal.ZERO, BigDecimal.ZERO);

        Sums plus(Sums other) {
            return new Sums(
                    rows + other.rows, credits + other.credits, gross.add(other.gross), benefit.add(other.benefit));
        }

        boolean sameAs(Sums other) {
            return rows == other.rows
                    && credits == other.credits
                    && gross.compareTo(other.gross) == 0
                    && benefit.compareTo(other.benefit) == 0;
        }

        @Override
        public String toString() {
            return rows + " earnings, " + credits + " credits, gross " + gross.toPlainString() + ", performers "
                    + benefit.toPlainString();
        }
    }

    /** The payout run as the product recorded it. */
    record RunRow(
            long id,
            String status,
            LocalDateTime requestedAt,
            LocalDateTime startedAt,
            LocalDateTime finishedAt,
            String node,
            int attempts,
            int performersTotal,
            int performersDone,
            int statementsMade,
            long earningsPaid,
            int earningsSkipped,
            String failure) {

        /** From started_at to finished_at, the product's own timestamps. */
        Duration wall() {
            return Duration.between(startedAt, finishedAt);
        }
    }

    /** What the checks found; {@code problems} is empty when the run paid exactly what the floor counted. */
    record Check(long unpaid, int statements, int performersWithStatements, long wrongOwner, List<String> problems) {}

    private final String url;
    private final String user;
    private final String password;

    PayoutBenchData(String url) {
        this.url = url;
        this.user = SystemTestSettings.value("ppv.mariadb.user");
        this.password = SystemTestSettings.value("ppv.mariadb.password");
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /**
     * Creates one site with {@code performers} performers and {@code users} users, and {@code earnings} tips
     * spread evenly over the previous calendar month (UTC), in id order as they would have been recorded.
     * {@code progress} hears the number of earnings written after each batch.
     */
    Site generate(long earnings, int performers, int users, LongConsumer progress) throws SQLException {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate periodEnd = today.withDayOfMonth(1);
        LocalDate periodStart = periodEnd.minusMonths(1);
        long periodSeconds = Duration.between(periodStart.atStartOfDay(), periodEnd.atStartOfDay())
                .toSeconds();
        try (Connection db = connect();
                Statement sql = db.createStatement()) {
            sql.execute("SET SESSION foreign_key_checks = 0");
            sql.execute("SET SESSION unique_checks = 0");
            long webmasterId;
            try (PreparedStatement insert = db.prepareStatement(
                    "INSERT INTO webmaster (name, integration_mode, currency, credit_value, default_percentage,"
                            + " min_price_per_minute, max_price_per_minute, grace_seconds, min_balance_start,"
                            + " min_balance_stay, low_balance_warnings, rounding_rule, created_at)"
                            + " VALUES ('Payout benchmark', 'EMBED', 'USD', ?, 50, 1, 600, 10, 60, 10, '120,60,30',"
                            + " 'HALF_UP', UTC_TIMESTAMP(6))",
                    Statement.RETURN_GENERATED_KEYS)) {
                insert.setBigDecimal(1, CREDIT_VALUE);
                insert.executeUpdate();
                try (ResultSet key = insert.getGeneratedKeys()) {
                    key.next();
                    webmasterId = key.getLong(1);
                }
            }
            long userBase = single(sql, "SELECT COALESCE(MAX(id), 0) FROM chat_user");
            long performerBase = single(sql, "SELECT COALESCE(MAX(id), 0) FROM performer");
            // Chat accounts: the performers' first, then the users'.
            sql.executeUpdate("INSERT INTO chat_user (id, webmasterid, external_id, username, gender, role, created_at)"
                    + " SELECT " + userBase + " + seq, " + webmasterId + ","
                    + " CONCAT(IF(seq <= " + performers + ", 'performer-', 'user-'), seq),"
                    + " CONCAT(IF(seq <= " + performers + ", 'performer-', 'user-'), seq),"
                    + " IF(seq <= " + performers + ", 'FEMALE', 'MALE'),"
                    + " IF(seq <= " + performers + ", 'PERFORMER', 'USER'), UTC_TIMESTAMP(6)"
                    + " FROM seq_1_to_" + (performers + users));
            sql.executeUpdate(
                    "INSERT INTO performer (id, webmasterid, user_id, display_name, price_per_minute, created_at)"
                            + " SELECT " + performerBase + " + seq, " + webmasterId + ", " + userBase + " + seq,"
                            + " CONCAT('Performer ', seq), 60, UTC_TIMESTAMP(6) FROM seq_1_to_" + performers);
            long firstUser = userBase + performers + 1;
            String start = periodStart.atStartOfDay().toString().replace('T', ' ');
            for (long from = 1; from <= earnings; from += BATCH) {
                long to = Math.min(earnings, from + BATCH - 1);
                // credits 1..50 from a hash of the row number, so that a performer's tips differ.
                sql.executeUpdate("INSERT INTO ppv_tips (webmasterid, userid, performerid, action, credits, price,"
                        + " performerBenefit, date)"
                        + " SELECT " + webmasterId + ", " + firstUser + " + seq % " + users + ","
                        + " " + (performerBase + 1) + " + (seq * " + STRIDE + ") % " + performers + ","
                        + " 'tips', c, c * " + CREDIT_VALUE.toPlainString() + ", c * "
                        + CREDIT_VALUE.toPlainString() + " / 2,"
                        + " TIMESTAMP '" + start + "' + INTERVAL ((seq - 1) * " + periodSeconds + " DIV " + earnings
                        + ") SECOND"
                        + " FROM (SELECT seq, 1 + CRC32(seq) % 50 AS c FROM seq_" + from + "_to_" + to + ") n");
                progress.accept(to);
            }
            sql.execute("SET SESSION unique_checks = 1");
            sql.execute("SET SESSION foreign_key_checks = 1");
            // Fresh statistics, as a table that grew over a month would have.
            try (ResultSet ignored = sql.executeQuery("ANALYZE TABLE chat_user, performer, ppv_tips")) {
                // The result only says OK.
            }
            return new Site(
                    webmasterId, performerBase + 1, performers, firstUser, users, earnings, periodStart, periodEnd);
        }
    }

    /** A floor query ({@link #FLOOR} or {@link #FLOOR_SCAN}) once: its sums per performer. */
    Map<Long, Sums> floor(Site site, String sql) throws SQLException {
        Map<Long, Sums> sums = new TreeMap<>();
        try (Connection db = connect();
                PreparedStatement query = db.prepareStatement(sql)) {
            query.setLong(1, site.webmasterId());
            query.setObject(2, site.endUtc());
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    sums.put(
                            row.getLong(1),
                            new Sums(row.getLong(2), row.getLong(3), row.getBigDecimal(4), row.getBigDecimal(5)));
                }
            }
        }
        return sums;
    }

    /** How MariaDB runs a floor query: access type, index and estimated rows, from EXPLAIN. */
    String floorPlan(Site site, String sql) throws SQLException {
        try (Connection db = connect();
                PreparedStatement explain = db.prepareStatement("EXPLAIN " + sql)) {
            explain.setLong(1, site.webmasterId());
            explain.setObject(2, site.endUtc());
            try (ResultSet row = explain.executeQuery()) {
                row.next();
                return "type=" + row.getString("type") + " key=" + row.getString("key") + " rows="
                        + row.getString("rows") + " extra=" + row.getString("Extra");
            }
        }
    }

    /**
     * Queues the site's run for the period as nobody's, requested two minutes ago: the product's scheduler
     * takes over such a run on its next look (every 30 seconds) and starts the payout job for it.
     */
    long queueRun(Site site) throws SQLException {
        try (Connection db = connect();
                PreparedStatement insert = db.prepareStatement(
                        "INSERT INTO payout_run (webmasterid, period_start, period_end, time_zone, status,"
                                + " requested_by, requested_at) VALUES (?, ?, ?, 'UTC', 'QUEUED', 'bench-payouts',"
                                + " UTC_TIMESTAMP(6) - INTERVAL 2 MINUTE)",
                        Statement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, site.webmasterId());
            insert.setObject(2, site.periodStart());
            insert.setObject(3, site.periodEnd());
            insert.executeUpdate();
            try (ResultSet key = insert.getGeneratedKeys()) {
                key.next();
                return key.getLong(1);
            }
        }
    }

    RunRow run(Connection db, long runId) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("SELECT id, status, requested_at, started_at, finished_at,"
                + " node, attempts, performers_total, performers_done, statements_made, earnings_paid,"
                + " earnings_skipped, failure FROM payout_run WHERE id = ?")) {
            query.setLong(1, runId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("payout run " + runId + " is gone");
                }
                return new RunRow(
                        row.getLong(1),
                        row.getString(2),
                        row.getObject(3, LocalDateTime.class),
                        row.getObject(4, LocalDateTime.class),
                        row.getObject(5, LocalDateTime.class),
                        row.getString(6),
                        row.getInt(7),
                        row.getInt(8),
                        row.getInt(9),
                        row.getInt(10),
                        row.getLong(11),
                        row.getInt(12),
                        row.getString(13));
            }
        }
    }

    /**
     * Whether the run paid exactly what the floor counted: no earning of the site left unpaid, one statement
     * per performer whose totals equal the floor's sums for that performer, every earning marked with a
     * statement of its own performer and of this run, and the run's own counts saying the same.
     */
    Check check(Site site, RunRow run, Map<Long, Sums> floor) throws SQLException {
        long runId = run.id();
        List<String> problems = new ArrayList<>();
        Sums expected = total(floor);
        if (run.earningsPaid() != expected.rows()
                || run.statementsMade() != floor.size()
                || run.earningsSkipped() != 0) {
            problems.add("the run says it paid " + run.earningsPaid() + " earnings on " + run.statementsMade()
                    + " statements and skipped " + run.earningsSkipped() + "; the floor counts " + expected.rows()
                    + " earnings of " + floor.size() + " performers");
        }
        try (Connection db = connect()) {
            long unpaid;
            try (PreparedStatement query = db.prepareStatement(
                    "SELECT COUNT(*) FROM ppv_tips WHERE webmasterid = ? AND statement_id IS NULL")) {
                query.setLong(1, site.webmasterId());
                unpaid = single(query);
            }
            if (unpaid != 0) {
                problems.add(unpaid + " earnings have no statement");
            }
            Map<Long, Sums> statements = new TreeMap<>();
            int statementCount = 0;
            try (PreparedStatement query = db.prepareStatement("SELECT performer_id, COUNT(*), SUM(tips_count),"
                    + " SUM(tips_credits), SUM(gross), SUM(performer_benefit), SUM(shows_count)"
                    + " FROM payout_statement WHERE webmasterid = ? AND run_id = ? GROUP BY performer_id")) {
                query.setLong(1, site.webmasterId());
                query.setLong(2, runId);
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        long performer = row.getLong(1);
                        int count = row.getInt(2);
                        statementCount += count;
                        if (count != 1) {
                            problems.add("performer " + performer + " has " + count + " statements");
                        }
                        if (row.getLong(7) != 0) {
                            problems.add("performer " + performer + " has shows on the statement; there were none");
                        }
                        statements.put(
                                performer,
                                new Sums(row.getLong(3), row.getLong(4), row.getBigDecimal(5), row.getBigDecimal(6)));
                    }
                }
            }
            if (!statements.keySet().equals(floor.keySet())) {
                problems.add(floor.size() + " performers had earnings, " + statements.size() + " got a statement");
            }
            int shown = 0;
            for (Map.Entry<Long, Sums> performer : floor.entrySet()) {
                Sums made = statements.get(performer.getKey());
                if (made != null && !made.sameAs(performer.getValue()) && shown++ < 5) {
                    problems.add("performer " + performer.getKey() + ": statement says " + made + "; floor says "
                            + performer.getValue());
                }
            }
            Sums madeTotal = total(statements);
            if (!madeTotal.sameAs(expected)) {
                problems.add("statements add up to " + madeTotal + "; the floor to " + expected);
            }
            long wrongOwner;
            try (PreparedStatement query = db.prepareStatement("SELECT COUNT(*) FROM ppv_tips t"
                    + " JOIN payout_statement s ON s.webmasterid = t.webmasterid AND s.id = t.statement_id"
                    + " WHERE t.webmasterid = ? AND (s.performer_id <> t.performerid OR s.run_id <> ?)")) {
                query.setLong(1, site.webmasterId());
                query.setLong(2, runId);
                wrongOwner = single(query);
            }
            if (wrongOwner != 0) {
                problems.add(wrongOwner + " earnings are marked with another performer's or another run's statement");
            }
            return new Check(unpaid, statementCount, statements.size(), wrongOwner, problems);
        }
    }

    static Sums total(Map<Long, Sums> byPerformer) {
        return byPerformer.values().stream().reduce(Sums.NONE, Sums::plus);
    }

    /** MariaDB's version, buffer pool and the generated table's size on disk (data and indexes). */
    Map<String, String> server() throws SQLException {
        Map<String, String> facts = new LinkedHashMap<>();
        try (Connection db = connect();
                Statement sql = db.createStatement();
                ResultSet row = sql.executeQuery("SELECT VERSION(), @@innodb_buffer_pool_size,"
                        + " @@innodb_flush_log_at_trx_commit, @@innodb_log_file_size, @@tx_isolation,"
                        + " (SELECT data_length + index_length FROM information_schema.tables"
                        + "  WHERE table_schema = DATABASE() AND table_name = 'ppv_tips')")) {
            row.next();
            facts.put("version", row.getString(1));
            facts.put("innodb_buffer_pool_size", row.getString(2));
            facts.put("innodb_flush_log_at_trx_commit", row.getString(3));
            facts.put("innodb_log_file_size", row.getString(4));
            facts.put("transaction_isolation", row.getString(5));
            facts.put("ppv_tips_bytes", row.getString(6));
        }
        return facts;
    }

    /**
     * The server's counters (whole server, every database): rows read (the sum of Handler_read_*), updated
     * and written; InnoDB pages read from disk and written to it; redo log bytes written.
     */
    Map<String, Long> counters() throws SQLException {
        Map<String, Long> counters = new LinkedHashMap<>();
        counters.put("rowsRead", 0L);
        counters.put("rowsUpdated", 0L);
        counters.put("rowsWritten", 0L);
        counters.put("pagesReadFromDisk", 0L);
        counters.put("pagesFlushed", 0L);
        counters.put("redoBytes", 0L);
        try (Connection db = connect();
                Statement sql = db.createStatement();
                ResultSet row = sql.executeQuery("SHOW GLOBAL STATUS WHERE Variable_name LIKE 'Handler_read%'"
                        + " OR Variable_name IN ('Handler_update', 'Handler_write', 'Innodb_buffer_pool_reads',"
                        + " 'Innodb_buffer_pool_pages_flushed', 'Innodb_os_log_written')")) {
            while (row.next()) {
                String name = row.getString(1);
                String key =
                        switch (name) {
                            case "Handler_update" -> "rowsUpdated";
                            case "Handler_write" -> "rowsWritten";
                            case "Innodb_buffer_pool_reads" -> "pagesReadFromDisk";
                            case "Innodb_buffer_pool_pages_flushed" -> "pagesFlushed";
                            case "Innodb_os_log_written" -> "redoBytes";
                            default -> "rowsRead";
                        };
                counters.merge(key, row.getLong(2), Long::sum);
            }
        }
        return counters;
    }

    /**
     * Rows read and changed in this database, per table and per index, from MariaDB's user statistics
     * (INFORMATION_SCHEMA.TABLE_STATISTICS and INDEX_STATISTICS, kept while {@code userstat} is on); empty
     * when it is off. Unlike the server's counters they count this database's work only.
     */
    Map<String, Long> tableStatistics() throws SQLException {
        Map<String, Long> rows = new TreeMap<>();
        try (Connection db = connect();
                Statement sql = db.createStatement()) {
            if (single(sql, "SELECT @@userstat") == 0) {
                return rows;
            }
            try (ResultSet row = sql.executeQuery("SELECT table_name, rows_read, rows_changed"
                    + " FROM information_schema.TABLE_STATISTICS WHERE table_schema = DATABASE()")) {
                while (row.next()) {
                    rows.put(row.getString(1) + ": rows read", row.getLong(2));
                    rows.put(row.getString(1) + ": rows changed", row.getLong(3));
                }
            }
            try (ResultSet row = sql.executeQuery("SELECT table_name, index_name, rows_read"
                    + " FROM information_schema.INDEX_STATISTICS WHERE table_schema = DATABASE()")) {
                while (row.next()) {
                    rows.put(row.getString(1) + ": read through " + row.getString(2), row.getLong(3));
                }
            }
        }
        return rows;
    }

    static Map<String, Long> difference(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> delta = new LinkedHashMap<>();
        after.forEach((name, value) -> delta.put(name, value - before.getOrDefault(name, 0L)));
        return delta;
    }

    private static long single(Statement sql, String query) throws SQLException {
        try (ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static long single(PreparedStatement query) throws SQLException {
        try (ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}
