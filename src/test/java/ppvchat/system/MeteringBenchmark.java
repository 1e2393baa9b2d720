package ppvchat.system;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The metering benchmark (not a test): for each number of simultaneous private shows, runs them for a
 * while on Payara Micro against MariaDB, first hold-then-settle, then the naive baseline that writes
 * every show every second, and prints tick duration, tick lateness, database writes per second and the
 * reconciliation verdict side by side. Run it with {@code bin/bench-metering}.
 *
 * <p>Arguments: show counts (default 100 1000 10000); {@code -Dbench.seconds=60} sets the run time.
 */
public final class MeteringBenchmark {

    record Result(
            String mode,
            int shows,
            long setupMillis,
            double tickMedianMs,
            double tickP99Ms,
            long lateMedianMs,
            long lateP99Ms,
            double rowsPerSecond,
            double statementsPerSecond,
            int maxShows,
            boolean clean,
            String problems) {}

    public static void main(String[] args) throws Exception {
        List<Integer> counts = new ArrayList<>();
        for (String arg : args) {
            counts.add(Integer.parseInt(arg));
        }
        if (counts.isEmpty()) {
            counts = List.of(100, 1_000, 10_000);
        }
        int seconds = Integer.getInteger("bench.seconds", 60);
        List<Result> results = new ArrayList<>();
        for (int shows : counts) {
            for (String mode : List.of("hold", "naive")) {
                Result result = run(mode, shows, seconds);
                results.add(result);
                System.out.println("[bench] " + result);
            }
        }
        print(results, seconds);
    }

    private static Result run(String mode, int shows, int seconds) throws Exception {
        String url = TestDatabase.recreate("ppv_bench");
        Path work = SystemTestSettings.freshWorkDir("bench-" + mode + "-" + shows);
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("ppv.datasource.class", "org.mariadb.jdbc.MariaDbDataSource");
        settings.put("ppv.datasource.url", url);
        settings.put("ppv.datasource.user", SystemTestSettings.value("ppv.mariadb.user"));
        settings.put("ppv.datasource.password", SystemTestSettings.value("ppv.mariadb.password"));
        settings.put("ppv.loadtest.enabled", "true");
        settings.put("ppv.metering.mode", mode);
        try (PayaraMicroProcess server = PayaraMicroProcess.start(
                SystemTestSettings.existingFile("ppv.micro.jar"),
                SystemTestSettings.existingFile("ppv.micro.war"),
                work.resolve("server"),
                settings)) {
            server.awaitReady(Duration.ofMinutes(4));
            HttpResponse<String> started = server.site()
                    .post("/api/loadtest/shows?count=" + shows + "&rate=60&credits=100000", Duration.ofMinutes(30));
            if (started.statusCode() != 200) {
                throw new IllegalStateException("could not start " + shows + " shows: " + started.body());
            }
            JsonObject setup = json(started.body());
            long webmasterId = setup.getJsonNumber("webmasterId").longValue();
            Map<String, Long> before = writeCounters(url);
            long began = System.nanoTime();
            Readiness.sleep(Duration.ofSeconds(seconds));
            double elapsed = (System.nanoTime() - began) / 1e9;
            Map<String, Long> after = writeCounters(url);
            JsonObject ticks = json(server.site()
                            .get("/api/loadtest/metering?ticks=" + seconds)
                            .body())
                    .getJsonObject("ticks");
            server.site().post("/api/loadtest/webmasters/" + webmasterId + "/end-shows", Duration.ofMinutes(30));
            JsonObject report = json(server.site()
                    .get("/api/loadtest/webmasters/" + webmasterId + "/reconciliation")
                    .body());
            return new Result(
                    mode,
                    shows,
                    setup.getJsonNumber("setupMillis").longValue(),
                    ticks.getJsonNumber("durationMedianMicros").longValue() / 1000.0,
                    ticks.getJsonNumber("durationP99Micros").longValue() / 1000.0,
                    ticks.getJsonNumber("latenessMedianMillis").longValue(),
                    ticks.getJsonNumber("latenessP99Millis").longValue(),
                    (after.get("rows") - before.get("rows")) / elapsed,
                    (after.get("statements") - before.get("statements")) / elapsed,
                    ticks.getInt("maxShows"),
                    report.getJsonArray("problems").isEmpty(),
                    report.getJsonArray("problems").toString());
        }
    }

    /** MariaDB's own counters: rows written (handler writes, updates, deletes) and write statements run. */
    private static Map<String, Long> writeCounters(String url) throws SQLException {
        Map<String, Long> status = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        try (Connection db = DriverManager.getConnection(
                        url,
                        SystemTestSettings.value("ppv.mariadb.user"),
                        SystemTestSettings.value("ppv.mariadb.password"));
                Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery("SHOW GLOBAL STATUS WHERE Variable_name IN ('Handler_write',"
                        + " 'Handler_update', 'Handler_delete', 'Com_insert', 'Com_update', 'Com_delete')")) {
            while (rows.next()) {
                status.put(rows.getString(1), rows.getLong(2));
            }
        }
        return Map.of(
                "rows", status.get("Handler_write") + status.get("Handler_update") + status.get("Handler_delete"),
                "statements", status.get("Com_insert") + status.get("Com_update") + status.get("Com_delete"));
    }

    private static void print(List<Result> results, int seconds) {
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "Metering benchmark: %d s per run, %d cores, %s, MariaDB on loopback%n",
                seconds,
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        System.out.printf(
                Locale.ROOT,
                "%-6s %7s %9s %10s %9s %9s %9s %10s %9s %s%n",
                "mode",
                "shows",
                "setup s",
                "tick p50",
                "tick p99",
                "late p50",
                "late p99",
                "rows/s",
                "stmts/s",
                "invariants");
        for (Result r : results) {
            System.out.printf(
                    Locale.ROOT,
                    "%-6s %7d %9.1f %8.1fms %7.1fms %7dms %7dms %10.0f %9.0f %s%n",
                    r.mode(),
                    r.shows(),
                    r.setupMillis() / 1000.0,
                    r.tickMedianMs(),
                    r.tickP99Ms(),
                    r.lateMedianMs(),
                    r.lateP99Ms(),
                    r.rowsPerSecond(),
                    r.statementsPerSecond(),
                    r.clean() ? "clean" : "BROKEN " + r.problems());
        }
        System.out.println();
        for (int i = 0; i + 1 < results.size(); i += 2) {
            Result hold = results.get(i);
            Result naive = results.get(i + 1);
            System.out.printf(
                    Locale.ROOT,
                    "%6d shows: naive/hold rows written %.1fx, tick p99 %.1fx%n",
                    hold.shows(),
                    naive.rowsPerSecond() / Math.max(1, hold.rowsPerSecond()),
                    naive.tickP99Ms() / Math.max(0.001, hold.tickP99Ms()));
        }
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    private MeteringBenchmark() {}
}
