package ppvchat.system;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import ppvchat.system.PayoutBenchData.Check;
import ppvchat.system.PayoutBenchData.RunRow;
import ppvchat.system.PayoutBenchData.Site;
import ppvchat.system.PayoutBenchData.Sums;

/**
 * The payout benchmark (not a test). On Payara Micro against MariaDB it fills one site with earnings (10
 * million tips of 10,000 performers by default), times the one SQL query that adds up what a payout run
 * pays per performer (the floor), then lets the product run the payout-statements job for that period the
 * way it runs in production (the scheduler takes over a queued run) and times it by the run's own
 * started_at and finished_at. It checks that the statements add up to exactly the floor's sums, prints
 * both side by side with the ratio against the target (the job in at most twice the floor's time), and
 * writes the figures as JSON.
 *
 * <p>Run it with {@code bin/bench-payouts}. Arguments: earnings and performers (default 10000000 10000);
 * system properties {@code bench.rows}, {@code bench.performers}, {@code bench.users} (1000), {@code
 * bench.floorRuns} (3), {@code bench.timeoutMinutes} (180), {@code bench.out} (where the JSON goes).
 */
public final class PayoutBenchmark {

    static final String DATABASE = "ppv_bench_payouts";

    /** The job should take at most this many times the floor's time. */
    static final double TARGET_RATIO = 2.0;

    /** The machine's load average (1 minute) at moments of the run: the machine may be shared. */
    private static final Map<String, String> LOAD = new LinkedHashMap<>();

    /** How the process-list samples are labelled: the job's statements, as PayoutWork and JPA send them. */
    private static final List<ProcessListSampler.Rule> STATEMENTS = List.of(
            rule("UPDATE PPV_TIPS", "mark a performer's earnings (UPDATE ppv_tips SET statement_id)"),
            rule("SELECT SUM(CASE", "add up a statement (SELECT SUM … WHERE statement_id = ?)"),
            rule("SELECT T.ID, T.CREDITS", "look for earnings left unpaid (SELECT … action = 'liveshow')"),
            rule("SELECT DISTINCT T.PERFORMERID", "list the performers to pay (SELECT DISTINCT, once)"),
            rule("INSERT INTO PAYOUT_STATEMENT", "open a statement (INSERT payout_statement)"),
            rule("UPDATE PAYOUT_STATEMENT", "write a statement's totals (UPDATE payout_statement)"),
            rule("DELETE FROM PAYOUT_STATEMENT", "drop an empty statement (DELETE payout_statement)"),
            rule("UPDATE PAYOUT_RUN", "record the run's progress (UPDATE payout_run)"),
            rule("INSERT INTO PAYOUT_SKIPPED_EARNING", "record a skipped earning"),
            rule("COMMIT", "commit"),
            rule("XA ", "two-phase commit of a chunk (XA PREPARE, XA COMMIT)"),
            rule("UPDATE METERING_NODE", "the node's heartbeat (not the job)"));

    record Settings(long rows, int performers, int users, int floorRuns, Duration timeout, Path out) {

        static Settings of(String[] args) {
            long rows = args.length > 0 ? number(args[0]) : number(System.getProperty("bench.rows", "10000000"));
            long performers =
                    args.length > 1 ? number(args[1]) : number(System.getProperty("bench.performers", "10000"));
            long users = number(System.getProperty("bench.users", "1000"));
            if (performers < 1 || performers >= PayoutBenchData.STRIDE) {
                throw new IllegalArgumentException("performers: 1 to " + (PayoutBenchData.STRIDE - 1));
            }
            if (rows < performers) {
                throw new IllegalArgumentException(
                        "earnings (" + rows + ") must be at least the performers (" + performers + ")");
            }
            if (users < 1) {
                throw new IllegalArgumentException("users: at least 1");
            }
            return new Settings(
                    rows,
                    Math.toIntExact(performers),
                    Math.toIntExact(users),
                    Math.max(1, Integer.getInteger("bench.floorRuns", 3)),
                    Duration.ofMinutes(Integer.getInteger("bench.timeoutMinutes", 180)),
                    Path.of(System.getProperty("bench.out", "target/bench-payouts"))
                            .toAbsolutePath()
                            .normalize());
        }

        private static long number(String text) {
            return Long.parseLong(text.strip().replace("_", "").replace(",", ""));
        }
    }

    /** A timed floor query: each timed run's seconds, the sums, its plan, and what it cost the database. */
    record Floor(
            String sql,
            List<Double> seconds,
            Map<Long, Sums> sums,
            String plan,
            Map<String, Long> counters,
            Map<String, Long> tables,
            double dbCpu) {

        double median() {
            List<Double> sorted = seconds.stream().sorted().toList();
            int n = sorted.size();
            return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        }
    }

    /** The job as the product recorded it and as the benchmark saw it. */
    record Job(
            RunRow run,
            double benchSeconds,
            double pickupSeconds,
            Map<String, double[]> shares,
            long samples,
            Map<String, Long> counters,
            Map<String, Long> tables,
            double dbCpu,
            double serverCpu) {

        double seconds() {
            return run.wall().toNanos() / 1e9;
        }
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.of(args);
        System.out.printf(
                Locale.ROOT,
                "[bench] payouts: %,d earnings, %,d performers, %,d users; database %s%n",
                settings.rows(),
                settings.performers(),
                settings.users(),
                DATABASE);
        String url = TestDatabase.recreate(DATABASE);
        PayoutBenchData data = new PayoutBenchData(url);
        Path work = SystemTestSettings.freshWorkDir("bench-payouts");
        try (PayaraMicroProcess server = PayaraMicroProcess.start(
                SystemTestSettings.existingFile("ppv.micro.jar"),
                SystemTestSettings.existingFile("ppv.micro.war"),
                work.resolve("server"),
                SystemTestSettings.loadTestOnMariaDb(url))) {
            long readyMillis = server.awaitReady(Duration.ofMinutes(10));
            System.out.printf(
                    Locale.ROOT,
                    "[bench] Payara Micro ready after %.1f s (Flyway made the schema); its log: %s%n",
                    readyMillis / 1000.0,
                    work.resolve("server").resolve("micro.log"));

            long generating = System.nanoTime();
            Site site = data.generate(settings.rows(), settings.performers(), settings.users(), done -> {
                double elapsed = (System.nanoTime() - generating) / 1e9;
                System.out.printf(
                        Locale.ROOT,
                        "[bench] generated %,d / %,d earnings (%.0f s, %,.0f rows/s)%n",
                        done,
                        settings.rows(),
                        elapsed,
                        done / elapsed);
            });
            double generateSeconds = (System.nanoTime() - generating) / 1e9;
            Map<String, String> mariadb = data.server();
            System.out.printf(
                    Locale.ROOT,
                    "[bench] generated in %.0f s: site %d, period %s to %s; ppv_tips is %,.0f MB (data and indexes);"
                            + " innodb_buffer_pool_size %s MiB%n",
                    generateSeconds,
                    site.webmasterId(),
                    site.periodStart(),
                    site.periodEnd(),
                    Long.parseLong(mariadb.get("ppv_tips_bytes")) / 1e6,
                    Long.parseLong(mariadb.get("innodb_buffer_pool_size")) / (1 << 20));

            LOAD.put("before the floors", loadAverage());
            Floor floor = floor(data, site, settings.floorRuns(), PayoutBenchData.FLOOR, "floor");
            Floor scan = floor(data, site, settings.floorRuns(), PayoutBenchData.FLOOR_SCAN, "floor, table scan");
            if (!scan.sums().equals(floor.sums())) {
                throw new IllegalStateException("the floor gives other sums when it reads the table through");
            }
            Job job = job(data, site, server, settings.timeout());
            System.out.println("[bench] checking the statements against the floor…");
            Check check = data.check(site, job.run(), floor.sums());
            String report = report(site, mariadb, generateSeconds, floor, scan, job, check);
            System.out.println();
            System.out.print(report);
            Path json = write(settings, site, mariadb, generateSeconds, floor, scan, job, check);
            Files.writeString(json.resolveSibling(json.getFileName().toString().replace(".json", ".txt")), report);
            System.out.println("Figures: " + json);
            if (!check.problems().isEmpty()) {
                throw new IllegalStateException("the payout run's statements are wrong: " + check.problems());
            }
        }
    }

    /** Runs a floor query once to warm the buffer pool, then {@code runs} more times, timed. */
    private static Floor floor(PayoutBenchData data, Site site, int runs, String sql, String name) throws SQLException {
        String plan = data.floorPlan(site, sql);
        System.out.println("[bench] " + name + ": " + sql);
        System.out.println("[bench] " + name + " plan: " + plan);
        long warming = System.nanoTime();
        Map<Long, Sums> sums = data.floor(site, sql);
        System.out.printf(
                Locale.ROOT,
                "[bench] %s warm-up run: %.2f s (not counted)%n",
                name,
                (System.nanoTime() - warming) / 1e9);
        OptionalLong mariadbd = ProcessCpu.pidOf("mariadbd");
        double cpuBefore = cpu(mariadbd);
        Map<String, Long> before = data.counters();
        Map<String, Long> tablesBefore = data.tableStatistics();
        List<Double> seconds = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            Map<Long, Sums> again = data.floor(site, sql);
            seconds.add((System.nanoTime() - started) / 1e9);
            if (!again.equals(sums)) {
                throw new IllegalStateException(name + " gave different sums on run " + (i + 2));
            }
            System.out.printf(Locale.ROOT, "[bench] %s run %d: %.2f s%n", name, i + 1, seconds.get(i));
        }
        Map<String, Long> counters = PayoutBenchData.difference(before, data.counters());
        counters.replaceAll((counter, value) -> value / runs);
        Map<String, Long> tables = PayoutBenchData.difference(tablesBefore, data.tableStatistics());
        tables.replaceAll((counter, value) -> value / runs);
        tables.values().removeIf(value -> value == 0);
        double cpu = (cpu(mariadbd) - cpuBefore) / runs;
        Sums total = PayoutBenchData.total(sums);
        System.out.printf(Locale.ROOT, "[bench] %s: %,d performers, %s%n", name, sums.size(), total);
        if (total.rows() != site.earnings()) {
            throw new IllegalStateException(
                    name + " counts " + total.rows() + " earnings; " + site.earnings() + " were generated");
        }
        return new Floor(sql, seconds, sums, plan, counters, tables, cpu);
    }

    /** Queues the site's run, waits for the product to take it and complete it, sampling what it runs. */
    private static Job job(PayoutBenchData data, Site site, PayaraMicroProcess server, Duration timeout)
            throws Exception {
        OptionalLong mariadbd = ProcessCpu.pidOf("mariadbd");
        try (Connection db = data.connect()) {
            long ownId;
            try (Statement sql = db.createStatement();
                    ResultSet row = sql.executeQuery("SELECT CONNECTION_ID()")) {
                row.next();
                ownId = row.getLong(1);
            }
            long runId = data.queueRun(site);
            long queued = System.nanoTime();
            System.out.printf(
                    Locale.ROOT,
                    "[bench] queued payout run %d (requested two minutes ago, nobody's); the scheduler takes it"
                            + " on its next look (every 30 s)%n",
                    runId);
            RunRow run = data.run(db, runId);
            while (run.status().equals("QUEUED")) {
                if (System.nanoTime() - queued > Duration.ofMinutes(3).toNanos()) {
                    throw new IllegalStateException("payout run " + runId + " still QUEUED after 3 minutes: the"
                            + " scheduler did not take it\n" + server.logExcerpt());
                }
                Thread.sleep(100);
                run = data.run(db, runId);
            }
            long started = System.nanoTime();
            LOAD.put("as the job started", loadAverage());
            double pickup = (started - queued) / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "[bench] run %d is %s on node %s after %.1f s in the queue%n",
                    runId,
                    run.status(),
                    run.node(),
                    pickup);
            Map<String, Long> before = data.counters();
            Map<String, Long> tablesBefore = data.tableStatistics();
            double dbCpuBefore = cpu(mariadbd);
            double serverCpuBefore = cpu(OptionalLong.of(server.pid()));
            long ended;
            Map<String, double[]> shares;
            long samples;
            try (ProcessListSampler sampler =
                    new ProcessListSampler(data.connect(), DATABASE, Set.of(ownId), STATEMENTS, 100)) {
                long lastPrint = started;
                while (true) {
                    run = data.run(db, runId);
                    long now = System.nanoTime();
                    if (run.status().equals("COMPLETED")) {
                        ended = now;
                        LOAD.put("as it ended", loadAverage());
                        break;
                    }
                    if (run.status().equals("FAILED")) {
                        throw new IllegalStateException("payout run " + runId + " FAILED after "
                                + run.performersDone() + " of " + run.performersTotal() + " performers: "
                                + run.failure() + "\n" + server.logExcerpt());
                    }
                    if (now - started > timeout.toNanos()) {
                        throw new IllegalStateException("payout run " + runId + " still " + run.status() + " after "
                                + timeout + " (" + run.performersDone() + " of " + run.performersTotal()
                                + " performers)\n" + server.logExcerpt());
                    }
                    if (now - lastPrint >= Duration.ofSeconds(15).toNanos()) {
                        lastPrint = now;
                        double elapsed = (now - started) / 1e9;
                        System.out.printf(
                                Locale.ROOT,
                                "[bench] job: %,d / %,d performers, %,d earnings paid, %.0f s (%,.0f earnings/s)%n",
                                run.performersDone(),
                                run.performersTotal(),
                                run.earningsPaid(),
                                elapsed,
                                run.earningsPaid() / elapsed);
                    }
                    Thread.sleep(250);
                }
                shares = sampler.shares();
                samples = sampler.samples();
            }
            double dbCpu = cpu(mariadbd) - dbCpuBefore;
            double serverCpu = cpu(OptionalLong.of(server.pid())) - serverCpuBefore;
            Map<String, Long> counters = PayoutBenchData.difference(before, data.counters());
            Map<String, Long> tables = PayoutBenchData.difference(tablesBefore, data.tableStatistics());
            tables.values().removeIf(value -> value == 0);
            Job job =
                    new Job(run, (ended - started) / 1e9, pickup, shares, samples, counters, tables, dbCpu, serverCpu);
            System.out.printf(
                    Locale.ROOT,
                    "[bench] run %d COMPLETED: %,d statements, %,d earnings paid, %,d skipped; %.2f s by its own"
                            + " timestamps%n",
                    runId,
                    run.statementsMade(),
                    run.earningsPaid(),
                    run.earningsSkipped(),
                    job.seconds());
            return job;
        }
    }

    private static String report(
            Site site,
            Map<String, String> mariadb,
            double generateSeconds,
            Floor floor,
            Floor scan,
            Job job,
            Check check) {
        StringBuilder out = new StringBuilder();
        double jobSeconds = job.seconds();
        long rows = site.earnings();
        line(
                out,
                "Payout benchmark: one site, period %s to %s (UTC), Payara Micro and MariaDB on loopback",
                site.periodStart(),
                site.periodEnd());
        line(
                out,
                "  machine: %d CPUs (shared), Java %s; MariaDB %s: innodb_buffer_pool_size %,d MiB,"
                        + " innodb_log_file_size %,d MiB, innodb_flush_log_at_trx_commit %s, %s",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                mariadb.get("version"),
                Long.parseLong(mariadb.get("innodb_buffer_pool_size")) >> 20,
                Long.parseLong(mariadb.get("innodb_log_file_size")) >> 20,
                mariadb.get("innodb_flush_log_at_trx_commit"),
                mariadb.get("transaction_isolation"));
        line(
                out,
                "  load average (1 min, whole machine): %s",
                String.join(
                        ", ",
                        LOAD.entrySet().stream()
                                .map(e -> e.getValue() + " " + e.getKey())
                                .toList()));
        line(
                out,
                "  data: %,d tips of %,d performers from %,d users; ppv_tips %,.0f MB (data and indexes),"
                        + " generated in %.0f s",
                rows,
                site.performers(),
                site.users(),
                Long.parseLong(mariadb.get("ppv_tips_bytes")) / 1e6,
                generateSeconds);
        out.append('\n');
        String row = "  %-28s %16s %18s %18s";
        line(out, row, "", "floor", "floor, table scan", "job");
        line(out, row, "what", "the GROUP BY", "same, FORCE INDEX", "payout-statements");
        line(
                out,
                row,
                "earnings (rows)",
                fmt("%,d", total(floor).rows()),
                fmt("%,d", total(scan).rows()),
                fmt("%,d", job.run().earningsPaid()));
        line(
                out,
                row,
                "performers",
                fmt("%,d", floor.sums().size()),
                fmt("%,d", scan.sums().size()),
                fmt("%,d", job.run().statementsMade()));
        line(out, row, "seconds", fmt("%.2f", floor.median()), fmt("%.2f", scan.median()), fmt("%.2f", jobSeconds));
        line(
                out,
                row,
                "rows per second",
                fmt("%,.0f", rows / floor.median()),
                fmt("%,.0f", rows / scan.median()),
                fmt("%,.0f", rows / jobSeconds));
        line(
                out,
                row,
                "ratio job/floor",
                fmt("%.1fx", jobSeconds / floor.median()),
                fmt("%.1fx", jobSeconds / scan.median()),
                "");
        line(
                out,
                row,
                "target: job <= " + fmt("%.0f", TARGET_RATIO) + "x floor",
                verdict(jobSeconds, floor),
                verdict(jobSeconds, scan),
                "");
        out.append('\n');
        for (Floor f : List.of(floor, scan)) {
            line(
                    out,
                    "  %s: median of %d timed runs after one warm-up (%s s); plan: %s",
                    f == floor ? "floor" : "floor, table scan",
                    f.seconds().size(),
                    String.join(
                            ", ", f.seconds().stream().map(s -> fmt("%.2f", s)).toList()),
                    f.plan());
        }
        line(
                out,
                "  job: payout_run.finished_at - started_at as the product recorded them (%s to %s);"
                        + " the bench's clock, RUNNING seen to COMPLETED seen: %.2f s; %.1f s queued before the"
                        + " scheduler took it; %d attempt(s)",
                job.run().startedAt(),
                job.run().finishedAt(),
                job.benchSeconds(),
                job.pickupSeconds(),
                job.run().attempts());
        line(
                out,
                "  result: %s",
                check.problems().isEmpty()
                        ? fmt(
                                "correct: %,d statements, one per performer, each equal to the floor's sums for its"
                                        + " performer (in all: %s); no earning left unpaid; none marked with"
                                        + " another performer's or run's statement",
                                check.statements(), total(floor))
                        : "WRONG: " + String.join("; ", check.problems()));
        out.append('\n');
        line(
                out,
                "  where the job's time went (MariaDB's process list every 100 ms, %,d samples; a sample may"
                        + " show several connections):",
                job.samples());
        job.shares().forEach((label, share) -> line(out, "    %5.1f%%  %s", 100 * share[0], label));
        line(
                out,
                "  CPU seconds (mariadbd serves every database on this server): mariadbd %.1f per floor run, %.1f"
                        + " per table-scan run, %.1f during the job; Payara Micro %.1f during the job (%.0f s)",
                floor.dbCpu(),
                scan.dbCpu(),
                job.dbCpu(),
                job.serverCpu(),
                job.benchSeconds());
        String counters = "    %-44s %,16d %,16d %,16d";
        if (!job.tables().isEmpty()) {
            line(
                    out,
                    "  rows in %s (MariaDB's userstat; those with any), per floor run / per" + " table-scan run / job:",
                    DATABASE);
            TreeSet<String> names = new TreeSet<>(job.tables().keySet());
            names.addAll(floor.tables().keySet());
            names.addAll(scan.tables().keySet());
            for (String name : names) {
                line(
                        out,
                        counters,
                        name,
                        floor.tables().getOrDefault(name, 0L),
                        scan.tables().getOrDefault(name, 0L),
                        job.tables().getOrDefault(name, 0L));
            }
        }
        line(out, "  the server's counters (every database on it), per floor run / per table-scan run / job:");
        for (Map.Entry<String, Long> counter : job.counters().entrySet()) {
            String name = counter.getKey();
            boolean bytes = name.equals("redoBytes");
            line(
                    out,
                    counters,
                    bytes ? "redo MB" : name,
                    scaled(floor.counters().get(name), bytes),
                    scaled(scan.counters().get(name), bytes),
                    scaled(counter.getValue(), bytes));
        }
        return out.toString();
    }

    private static String verdict(double jobSeconds, Floor floor) {
        return (jobSeconds <= TARGET_RATIO * floor.median() ? "MET" : "MISSED")
                + fmt(" (<= %.1f s)", TARGET_RATIO * floor.median());
    }

    private static long scaled(Long value, boolean bytes) {
        long v = value == null ? 0 : value;
        return bytes ? Math.round(v / 1e6) : v;
    }

    private static Path write(
            Settings settings,
            Site site,
            Map<String, String> mariadb,
            double generateSeconds,
            Floor floor,
            Floor scan,
            Job job,
            Check check)
            throws IOException {
        double jobSeconds = job.seconds();
        long rows = site.earnings();
        JsonObjectBuilder shares = Json.createObjectBuilder();
        job.shares().forEach((label, share) -> shares.add(label, share[0]));
        JsonArrayBuilder problems = Json.createArrayBuilder();
        check.problems().forEach(problems::add);
        JsonObjectBuilder server = Json.createObjectBuilder();
        mariadb.forEach(server::add);
        JsonObject figures = Json.createObjectBuilder()
                .add("benchmark", "payouts")
                .add("rows", rows)
                .add("performers", site.performers())
                .add("users", site.users())
                .add("periodStart", site.periodStart().toString())
                .add("periodEnd", site.periodEnd().toString())
                .add("cpus", Runtime.getRuntime().availableProcessors())
                .add("java", System.getProperty("java.version"))
                .add("mariadb", server)
                .add("loadAverage", counters(LOAD))
                .add("generateSeconds", generateSeconds)
                .add("floor", floor(floor, rows))
                .add("floorTableScan", floor(scan, rows))
                .add(
                        "job",
                        Json.createObjectBuilder()
                                .add("runId", job.run().id())
                                .add("startedAt", job.run().startedAt().toString())
                                .add("finishedAt", job.run().finishedAt().toString())
                                .add("seconds", jobSeconds)
                                .add("benchClockSeconds", job.benchSeconds())
                                .add("queuedSeconds", job.pickupSeconds())
                                .add("attempts", job.run().attempts())
                                .add("statements", job.run().statementsMade())
                                .add("earningsPaid", job.run().earningsPaid())
                                .add("earningsSkipped", job.run().earningsSkipped())
                                .add("rowsPerSecond", rows / jobSeconds)
                                .add("mariadbCpuSeconds", job.dbCpu())
                                .add("serverCpuSeconds", job.serverCpu())
                                .add("samples", job.samples())
                                .add("timeShares", shares)
                                .add("counters", counters(job.counters()))
                                .add("tables", counters(job.tables())))
                .add("ratio", jobSeconds / floor.median())
                .add("ratioTableScan", jobSeconds / scan.median())
                .add("targetRatio", TARGET_RATIO)
                .add("targetMet", jobSeconds <= TARGET_RATIO * floor.median())
                .add("targetMetTableScan", jobSeconds <= TARGET_RATIO * scan.median())
                .add("correct", check.problems().isEmpty())
                .add("problems", problems)
                .build();
        Files.createDirectories(settings.out());
        Path file = settings.out().resolve("payouts-" + rows + "x" + site.performers() + ".json");
        try (Writer writer = Files.newBufferedWriter(file);
                JsonWriter json = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
                        .createWriter(writer)) {
            json.writeObject(figures);
        }
        return file;
    }

    private static JsonObjectBuilder floor(Floor floor, long rows) {
        JsonArrayBuilder runs = Json.createArrayBuilder();
        floor.seconds().forEach(runs::add);
        return Json.createObjectBuilder()
                .add("sql", floor.sql())
                .add("plan", floor.plan())
                .add("runs", runs)
                .add("seconds", floor.median())
                .add("rowsPerSecond", rows / floor.median())
                .add("mariadbCpuSeconds", floor.dbCpu())
                .add("counters", counters(floor.counters()))
                .add("tables", counters(floor.tables()));
    }

    private static JsonObjectBuilder counters(Map<String, ?> counters) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        counters.forEach((name, value) -> {
            if (value instanceof Long number) {
                json.add(name, number);
            } else {
                json.add(name, String.valueOf(value));
            }
        });
        return json;
    }

    /** The first field of /proc/loadavg, or "?" where there is none. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static Sums total(Floor floor) {
        return PayoutBenchData.total(floor.sums());
    }

    private static double cpu(OptionalLong pid) {
        if (pid.isEmpty()) {
            return Double.NaN;
        }
        OptionalDouble seconds = ProcessCpu.seconds(pid.getAsLong());
        return seconds.isPresent() ? seconds.getAsDouble() : Double.NaN;
    }

    private static ProcessListSampler.Rule rule(String startsWith, String label) {
        return new ProcessListSampler.Rule(startsWith, label);
    }

    private static void line(StringBuilder out, String format, Object... values) {
        out.append(String.format(Locale.ROOT, format, values)).append('\n');
    }

    private static String fmt(String format, Object... values) {
        return String.format(Locale.ROOT, format, values);
    }

    private PayoutBenchmark() {}
}
