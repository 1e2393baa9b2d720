package ppvchat.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Where a database-bound job spends its time, by sampling: every {@code period} milliseconds it reads which
 * statements the other connections to one database are running (MariaDB's process list) and counts each
 * sample under a label. A sample in which none runs counts as "between statements" (the application, the
 * network, or a wait for a connection). Shares are of the samples taken, so they estimate shares of time.
 */
final class ProcessListSampler implements AutoCloseable {

    /** A statement's label: the first rule whose text the statement starts with (upper case, spaces squeezed). */
    record Rule(String startsWith, String label) {}

    static final String BETWEEN = "between statements (application, network, commit wait)";

    private final Connection db;
    private final String database;
    private final Set<Long> ignored;
    private final List<Rule> rules;
    private final long periodMillis;
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private long samples;
    private SQLException failure;

    /**
     * Starts sampling over {@code db} (closed with the sampler) the connections to {@code database}, except
     * this one and those in {@code ignored} (the caller's own).
     */
    ProcessListSampler(Connection db, String database, Set<Long> ignored, List<Rule> rules, long periodMillis) {
        this.db = db;
        this.ignored = Set.copyOf(ignored);
        this.database = database;
        this.rules = rules;
        this.periodMillis = periodMillis;
        this.thread = new Thread(this::sample, "process-list-sampler");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void sample() {
        try (PreparedStatement query = db.prepareStatement("SELECT ID, INFO FROM information_schema.PROCESSLIST"
                + " WHERE DB = ? AND ID <> CONNECTION_ID() AND COMMAND = 'Query' AND INFO IS NOT NULL")) {
            query.setString(1, database);
            while (running.get()) {
                Map<String, Long> seen = new LinkedHashMap<>();
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        if (!ignored.contains(row.getLong(1))) {
                            seen.merge(label(row.getString(2)), 1L, Long::sum);
                        }
                    }
                }
                synchronized (this) {
                    samples++;
                    if (seen.isEmpty()) {
                        counts.merge(BETWEEN, 1L, Long::sum);
                    }
                    seen.forEach((label, n) -> counts.merge(label, n, Long::sum));
                }
                Thread.sleep(periodMillis);
            }
        } catch (SQLException e) {
            failure = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String label(String sql) {
        String squeezed = sql.strip().replaceAll("\\s+", " ");
        String text = squeezed.toUpperCase(Locale.ROOT);
        for (Rule rule : rules) {
            if (text.startsWith(rule.startsWith())) {
                return rule.label();
            }
        }
        String shape = squeezed.replaceAll("\\d+", "N");
        return "other: " + shape.substring(0, Math.min(60, shape.length()));
    }

    /** Each label's share of the samples, largest first, with the number of samples. */
    synchronized Map<String, double[]> shares() {
        Map<String, double[]> shares = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> shares.put(
                        e.getKey(), new double[] {e.getValue() / (double) Math.max(1, samples), e.getValue()}));
        return shares;
    }

    synchronized long samples() {
        return samples;
    }

    @Override
    public void close() throws SQLException {
        running.set(false);
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            db.close();
        } finally {
            if (failure != null) {
                throw failure;
            }
        }
    }
}
