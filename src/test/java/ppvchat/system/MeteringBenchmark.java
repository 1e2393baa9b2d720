package ppvchat.system;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The metering benchmark (not a test). For each number of simultaneous private shows, on Payara Micro against
 * MariaDB, first with heartbeats (the product), then with the naive baseline that writes every show every
 * second, it measures:
 *
 * <ul>
 *   <li>database rows and write statements per second while the shows run (MariaDB's own counters);
 *   <li>tick duration and the longest gap between two heartbeats;
 *   <li>with those shows running, a tenth as many more shows run out of credits: the delay from the instant
 *       each one's credits ran out to its end (median, p99, max);
 *   <li>how long a clean stop (SIGTERM) takes with all of them running, and whether the books balance.
 * </ul>
 *
 * Run it with {@code bin/bench-metering}. Arguments: show counts (default 1000 10000 20000); {@code
 * -Dbench.seconds=60} sets the steady measuring window.
 */
public final class MeteringBenchmark {

    /** Credits of each show that runs out: 2 s of grace, then 20 s at one credit a second. */
    private static final String EXHAUSTING = "&rate=60&credits=20&grace=2&minStart=1";

    record Result(
            String mode,
            int shows,
            long setupMillis,
            double rowsPerSecond,
            double statementsPerSecond,
            double tickMedianMs,
            double tickP99Ms,
            long heartbeatMaxGapMs,
            int exhausted,
            long delayMedianMs,
            long delayP99Ms,
            long delayMaxMs,
            long stopMillis,
            String books) {}

    public static void main(String[] args) throws Exception {
        List<Integer> counts = new ArrayList<>();
        for (String arg : args) {
            counts.add(Integer.parseInt(arg));
        }
        if (counts.isEmpty()) {
            counts = List.of(1_000, 10_000, 20_000);
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
        MeteringDatabase db = new MeteringDatabase(url);
        Path work = SystemTestSettings.freshWorkDir("bench-" + mode + "-" + shows);
        Map<String, String> settings = SystemTestSettings.loadTestOnMariaDb(url);
        settings.put("ppv.metering.mode", mode);
        try (PayaraMicroProcess server = PayaraMicroProcess.start(
                SystemTestSettings.existingFile("ppv.micro.jar"),
                SystemTestSettings.existingFile("ppv.micro.war"),
                work.resolve("server"),
                settings)) {
            server.awaitReady(Duration.ofMinutes(4));
            JsonObject steady = startShows(server, "count=" + shows + "&rate=60&credits=1000000");

            Map<String, Long> before = db.writeCounters();
            long began = System.nanoTime();
            Readiness.sleep(Duration.ofSeconds(seconds));
            double elapsed = (System.nanoTime() - began) / 1e9;
            Map<String, Long> after = db.writeCounters();
            JsonObject metering = json(
                    server.site().get("/api/loadtest/metering?ticks=" + seconds).body());
            JsonObject ticks = metering.getJsonObject("ticks");

            int extra = Math.max(50, shows / 10);
            long exhaustingSite = startShows(server, "count=" + extra + EXHAUSTING)
                    .getJsonNumber("webmasterId")
                    .longValue();
            List<Long> delays = awaitExhausted(db, exhaustingSite, extra);
            long heartbeatGap = json(server.site().get("/api/loadtest/metering").body())
                    .getJsonObject("heartbeat")
                    .getJsonNumber("maxGapMillis")
                    .longValue();
            String books = reconciliation(server, exhaustingSite);

            long stopMillis = server.terminate(Duration.ofMinutes(10)).toMillis();
            long steadySite = steady.getJsonNumber("webmasterId").longValue();
            books = books + "; after stop: " + db.stoppedCleanly(steadySite);
            return new Result(
                    mode,
                    shows,
                    steady.getJsonNumber("setupMillis").longValue(),
                    (after.get("rows") - before.get("rows")) / elapsed,
                    (after.get("statements") - before.get("statements")) / elapsed,
                    ticks.getJsonNumber("durationMedianMicros").longValue() / 1000.0,
                    ticks.getJsonNumber("durationP99Micros").longValue() / 1000.0,
                    heartbeatGap,
                    delays.size(),
                    percentile(delays, 50),
                    percentile(delays, 99),
                    percentile(delays, 100),
                    stopMillis,
                    books);
        }
    }

    private static JsonObject startShows(PayaraMicroProcess server, String query) {
        HttpResponse<String> started = server.site().post("/api/loadtest/shows?" + query, Duration.ofMinutes(30));
        if (started.statusCode() != 200) {
            throw new IllegalStateException("could not start shows (" + query + "): " + started.body());
        }
        return json(started.body());
    }

    /** Waits until every show of the site ran out of credits; their delays from running out to ending. */
    private static List<Long> awaitExhausted(MeteringDatabase db, long webmasterId, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (true) {
            List<MeteringDatabase.ShowRow> shows = db.shows(webmasterId);
            if (shows.stream().allMatch(show -> show.status().equals("ENDED"))) {
                List<Long> delays = new ArrayList<>();
                for (MeteringDatabase.ShowRow show : shows) {
                    if (!"CREDITS_EXHAUSTED".equals(show.endReason())) {
                        throw new IllegalStateException("show " + show.id() + " ended " + show.endReason());
                    }
                    delays.add(show.exhaustionDelayMillis());
                }
                delays.sort(null);
                return delays;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("shows of site " + webmasterId + " still running after 5 minutes");
            }
            Readiness.sleep(Duration.ofMillis(500));
        }
    }

    private static String reconciliation(PayaraMicroProcess server, long webmasterId) {
        JsonObject report = json(server.site()
                .get("/api/loadtest/webmasters/" + webmasterId + "/reconciliation")
                .body());
        return report.getJsonArray("problems").isEmpty() ? "clean" : "BROKEN " + report.getJsonArray("problems");
    }

    private static long percentile(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static void print(List<Result> results, int seconds) {
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "Metering benchmark: %d s steady window per run, %d cores, Java %s, MariaDB on loopback%n",
                seconds,
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        System.out.printf(
                Locale.ROOT,
                "%-6s %6s %8s %8s %8s %8s %8s %7s %6s %12s %9s %8s %s%n",
                "mode",
                "shows",
                "setup s",
                "rows/s",
                "stmts/s",
                "tick p50",
                "tick p99",
                "hb gap",
                "ran out",
                "end delay p50",
                "p99/max",
                "stop s",
                "books");
        for (Result r : results) {
            System.out.printf(
                    Locale.ROOT,
                    "%-6s %6d %8.1f %8.0f %8.0f %6.1fms %6.1fms %5dms %7d %10dms %4d/%4dms %8.1f %s%n",
                    r.mode(),
                    r.shows(),
                    r.setupMillis() / 1000.0,
                    r.rowsPerSecond(),
                    r.statementsPerSecond(),
                    r.tickMedianMs(),
                    r.tickP99Ms(),
                    r.heartbeatMaxGapMs(),
                    r.exhausted(),
                    r.delayMedianMs(),
                    r.delayP99Ms(),
                    r.delayMaxMs(),
                    r.stopMillis() / 1000.0,
                    r.books());
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
