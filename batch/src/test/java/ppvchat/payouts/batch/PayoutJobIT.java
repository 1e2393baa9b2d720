package ppvchat.payouts.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ppvchat.payouts.boundary.PayoutRuns;
import ppvchat.payouts.boundary.PayoutRuns.Run;
import ppvchat.payouts.boundary.PayoutStatements;
import ppvchat.payouts.boundary.PayoutStatements.Line;
import ppvchat.payouts.boundary.PayoutStatements.Statement;
import ppvchat.payouts.control.PayoutScheduler;
import ppvchat.payouts.control.StatementCsv;
import ppvchat.persistence.TestDatabase;
import ppvchat.platform.entity.DomainException;
import ppvchat.platform.entity.NotFound;
import ppvchat.reports.ReportFixtures;

/**
 * The payout job on a real Payara Micro with its batch runtime, against H2 and MariaDB. Each test builds its
 * own sites: site A's credit is worth 0.05 EUR, Ann earns 60%, "=Bob" the default 50%, Dana has no activity;
 * site B's Cleo earns beside them. Every expected figure is worked out by hand in the test.
 */
@ExtendWith(ArquillianExtension.class)
class PayoutJobIT {

    static final LocalDate WEEK_1 = LocalDate.parse("2026-03-02");
    static final LocalDate WEEK_2 = WEEK_1.plusWeeks(1);

    @Deployment
    static WebArchive deployment() {
        TestDatabase.resetIfAsked();
        File[] libraries = new File(System.getProperty("ppv.it.libs")).listFiles((dir, name) -> name.endsWith(".jar"));
        JavaArchive batch = ShrinkWrap.create(JavaArchive.class, "ppv-batch.jar")
                .addPackage(PayoutRunListener.class.getPackage())
                .deleteClasses(PayoutJobIT.class, PayoutFixtures.class)
                .addAsManifestResource(
                        new File(
                                System.getProperty("ppv.it.batch.classes"),
                                "META-INF/batch-jobs/payout-statements.xml"),
                        "batch-jobs/payout-statements.xml")
                .addAsManifestResource(EmptyAsset.INSTANCE, "beans.xml");
        return ShrinkWrap.create(WebArchive.class, "payouts-it.war")
                .addAsLibrary(new File(System.getProperty("ppv.it.jar")))
                .addAsLibraries(Objects.requireNonNull(libraries))
                .addAsLibrary(batch)
                .addClasses(PayoutJobIT.class, PayoutFixtures.class, ReportFixtures.class, TestDatabase.class)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
    }

    @Inject
    PayoutRuns runs;

    @Inject
    PayoutStatements statements;

    @Inject
    PayoutScheduler scheduler;

    @Inject
    ReportFixtures fx;

    @Inject
    PayoutFixtures payouts;

    /** The ids of one data set. */
    record Sites(long a, long b, long ann, long bob, long dana, long cleo, long u1, long badEarning, long afterEnd) {}

    Sites dataSet(String name) {
        long a = fx.site(name + " A");
        long b = fx.site(name + " B");
        long ann = fx.performer(a, name + "-ann", "Ann", "60");
        long bob = fx.performer(a, name + "-bob", "=Bob", null);
        long dana = fx.performer(a, name + "-dana", "Dana", null);
        long u1 = fx.user(a, name + "-u1", 5_000);
        long u2 = fx.user(a, name + "-u2", 1_000);
        long cleo = fx.performer(b, name + "-cleo", "Cleo", null);
        long bUser = fx.user(b, name + "-b1", 9_000);

        // Week 1 is [March 2, March 9) UTC: its first instant is in, its end instant is out.
        fx.tip(a, ann, u1, 100, at("2026-03-02T00:00:00Z"));
        fx.tip(a, ann, u1, 40, at("2026-03-04T12:00:00Z"));
        fx.show(a, ann, u1, 120, 60, at("2026-03-05T18:00:00Z"));
        fx.tip(a, bob, u2, 20, at("2026-03-03T10:00:00Z"));
        fx.show(a, bob, u1, 90, 30, at("2026-03-08T23:59:59.999999Z"));
        // Before the week and never paid: the first run pays it with the week, marked late.
        fx.tip(a, ann, u1, 10, at("2026-02-27T08:00:00Z"));
        // The end instant itself: next week's.
        long afterEnd = fx.tip(a, ann, u1, 150, at("2026-03-09T00:00:00Z"));
        // A show whose earning claims 25 credits where the show charged 20: skipped and reported, never paid.
        long badShow = fx.show(a, bob, u1, 60, 20, at("2026-03-06T12:00:00Z"));
        long badEarning = payouts.inflateShowEarning(badShow, 5);
        // Site B in the same week.
        fx.tip(b, cleo, bUser, 500, at("2026-03-03T12:00:00Z"));
        return new Sites(a, b, ann, bob, dana, cleo, u1, badEarning, afterEnd);
    }

    @Test
    void theJobMakesTheStatementsWorkedOutByHandAndMarksEveryEarningItPays() {
        Sites s = dataSet("Hand");
        Run run = finished(s.a(), runs.start(s.a(), WEEK_1, WEEK_1.plusDays(6), "carol"));

        assertEquals("COMPLETED", run.status(), run.failure());
        assertEquals(2, run.performersTotal(), "Ann and =Bob; Dana had nothing");
        assertEquals(2, run.performersDone());
        assertEquals(100, run.percent());
        assertEquals(2, run.statementsMade());
        assertEquals(6, run.earningsPaid());
        assertEquals(1, run.earningsSkipped());
        assertEquals("carol", run.requestedBy());

        List<Statement> made = statements.ofRun(s.a(), run.id(), 0, 10);
        assertEquals(2, made.size());
        // Ann: tips 100, 40 and the late 10 (150 credits), a show of 120 s for 60: 210 credits = 10.50 EUR;
        // 60% of each: 3.00 + 1.20 + 0.30 + 1.80 = 6.30.
        Statement ann = byName(made, "Ann");
        assertFigures(ann, 3, 150, 1, 120, 60, "10.50", "6.30");
        // =Bob: a tip of 20 and a show of 90 s for 30 credits: 50 credits = 2.50; 50% = 1.25. Not the bad show.
        Statement bob = byName(made, "=Bob");
        assertFigures(bob, 1, 20, 1, 90, 30, "2.50", "1.25");
        for (Statement statement : made) {
            assertEquals("OPEN", statement.status());
            assertEquals("EUR", statement.currency());
            assertEquals(WEEK_1, statement.periodStart());
            assertEquals(WEEK_2, statement.periodEnd());
        }

        Map<Long, Long> marks = payouts.marks(s.a());
        assertEquals(4, marks.values().stream().filter(id -> id == ann.id()).count());
        assertEquals(2, marks.values().stream().filter(id -> id == bob.id()).count());
        assertEquals(0L, marks.get(s.afterEnd()), "the end instant belongs to next week");
        assertEquals(0L, marks.get(s.badEarning()), "the inconsistent earning stays unpaid");
        assertTrue(payouts.marks(s.b()).values().stream().allMatch(id -> id == 0), "site B untouched");

        List<Line> lines = statements.lines(s.a(), ann.id(), 0, 50);
        assertEquals(4, statements.lineCount(s.a(), ann.id()));
        assertEquals(
                List.of(10L, 100L, 40L, 60L), lines.stream().map(Line::credits).toList(), "oldest first");
        assertTrue(lines.get(0).late(), "dated before the week: carried in late");
        assertFalse(lines.get(1).late());
        assertEquals("show", lines.get(3).kind());
        assertEquals(120L, lines.get(3).showSeconds());
        assertEquals(new BigDecimal("1.80"), lines.get(3).performerBenefit());

        List<PayoutRuns.Skipped> skipped = runs.skipped(s.a(), run.id());
        assertEquals(1, skipped.size());
        assertEquals(s.badEarning(), skipped.get(0).earningId());
        assertEquals("=Bob", skipped.get(0).performer());
        assertEquals("it says 25 credits; its show charged 20", skipped.get(0).reason());
    }

    @Test
    void runningTheSamePeriodAgainChangesNothing() throws InterruptedException {
        Sites s = dataSet("Again");
        Run first = finished(s.a(), runs.start(s.a(), WEEK_1, WEEK_1.plusDays(6), "carol"));
        List<String> before = payouts.snapshot(s.a());

        Run again = runs.start(s.a(), WEEK_1, WEEK_1.plusDays(6), "dave");
        assertEquals(first.id(), again.id());
        assertEquals("COMPLETED", again.status());
        assertEquals(before, payouts.snapshot(s.a()));

        // Even a job execution forced onto the completed run refuses at its start and changes nothing.
        scheduler.launch(first.id());
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (scheduler.executing(first.id()) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertFalse(scheduler.executing(first.id()));
        assertEquals(before, payouts.snapshot(s.a()));
    }

    @Test
    void anEarningThatArrivesLateIsPaidByTheNextPeriodsStatement() {
        Sites s = dataSet("Late");
        Run week1 = finished(s.a(), runs.start(s.a(), WEEK_1, WEEK_1.plusDays(6), "carol"));
        Statement annWeek1 = byName(statements.ofRun(s.a(), week1.id(), 0, 10), "Ann");

        // A tip dated in week 1 that reaches the table after week 1 was paid.
        long late = fx.tip(s.a(), s.ann(), s.u1(), 70, at("2026-03-04T09:00:00Z"));
        assertEquals(
                week1.id(),
                runs.start(s.a(), WEEK_1, WEEK_1.plusDays(6), "carol").id());
        assertEquals(0L, payouts.marks(s.a()).get(late), "week 1 is closed: its run changes nothing");

        Run week2 = finished(s.a(), runs.start(s.a(), WEEK_2, WEEK_2.plusDays(6), "carol"));
        assertEquals("COMPLETED", week2.status());
        List<Statement> made = statements.ofRun(s.a(), week2.id(), 0, 10);
        assertEquals(1, made.size(), "Ann only: =Bob's bad earning is reported again, paid never");
        Statement ann = made.get(0);
        // The late tip of 70 and the tip of 150 at week 2's first instant: 220 credits = 11.00; 60% = 6.60.
        assertFigures(ann, 2, 220, 0, 0, 0, "11.00", "6.60");
        assertEquals(ann.id(), payouts.marks(s.a()).get(late));
        Line lateLine = statements.lines(s.a(), ann.id(), 0, 10).get(0);
        assertEquals(late, lateLine.earningId());
        assertTrue(lateLine.late());
        assertEquals(1, week2.earningsSkipped());
        assertEquals(annWeek1, statements.find(s.a(), annWeek1.id()), "week 1's statement is as it was");
    }

    @Test
    void twoSitesRunTheSameWeekAtOnceAndNeverMix() {
        Sites s = dataSet("Mix");
        Run a = runs.start(s.a(), WEEK_1, WEEK_1.plusDays(6), "carol");
        Run b = runs.start(s.b(), WEEK_1, WEEK_1.plusDays(6), "erin");
        a = finished(s.a(), a);
        b = finished(s.b(), b);

        List<Statement> ofB = statements.ofRun(s.b(), b.id(), 0, 10);
        assertEquals(1, ofB.size());
        assertEquals("Cleo", ofB.get(0).performer());
        // Cleo: one tip of 500 credits = 25.00; 50% = 12.50.
        assertFigures(ofB.get(0), 1, 500, 0, 0, 0, "25.00", "12.50");
        assertEquals(2, statements.ofRun(s.a(), a.id(), 0, 10).size());

        long bStatement = ofB.get(0).id();
        long bRun = b.id();
        assertThrows(NotFound.class, () -> runs.find(s.a(), bRun));
        assertThrows(NotFound.class, () -> runs.skipped(s.a(), bRun));
        assertThrows(NotFound.class, () -> statements.ofRun(s.a(), bRun, 0, 10));
        assertThrows(NotFound.class, () -> statements.countOfRun(s.a(), bRun));
        assertThrows(NotFound.class, () -> statements.runCsv(s.a(), bRun));
        assertThrows(NotFound.class, () -> statements.find(s.a(), bStatement));
        assertThrows(NotFound.class, () -> statements.lines(s.a(), bStatement, 0, 10));
        assertThrows(NotFound.class, () -> statements.approve(s.a(), bStatement, "carol"));
        assertEquals("OPEN", statements.find(s.b(), bStatement).status());
        assertTrue(runs.of(s.a(), 0, 10).stream().noneMatch(r -> r.id() == bRun));
    }

    @Test
    void periodsThatWouldPayTwiceOrTooEarlyAreRefusedAndMakeNothing() {
        Sites s = dataSet("Rules");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertRefused(s.a(), today.minusDays(3), today, "has not ended yet");
        assertRefused(s.a(), WEEK_1.plusDays(6), WEEK_1, "comes after the last day");
        assertRefused(s.a(), WEEK_1, WEEK_1.plusDays(400), "at most 366 days");
        assertEquals(0, runs.count(s.a()));

        finished(s.a(), runs.start(s.a(), WEEK_2, WEEK_2.plusDays(6), "carol"));
        assertRefused(s.a(), WEEK_2.plusDays(3), WEEK_2.plusDays(9), "overlaps the run for 2026-03-09 to 2026-03-15");
        assertRefused(s.a(), WEEK_1, WEEK_1.plusDays(6), "already paid everything dated before it");
        assertEquals(1, runs.count(s.a()));
        assertThrows(NotFound.class, () -> runs.start(999_999_999L, WEEK_1, WEEK_1.plusDays(6), "carol"));
    }

    @Test
    void anAccountantApprovesThenMarksPaidAndTheRunsCsvAddsUp() throws IOException {
        Sites s = dataSet("Pay");
        Run run = finished(s.a(), runs.start(s.a(), WEEK_1, WEEK_1.plusDays(6), "carol"));
        List<Statement> made = statements.ofRun(s.a(), run.id(), 0, 10);
        long annId = byName(made, "Ann").id();

        assertThrows(DomainException.class, () -> statements.markPaid(s.a(), annId, "carol", "SEPA-1"));
        assertThrows(DomainException.class, () -> statements.approve(s.a(), annId, " "));
        Statement approved = statements.approve(s.a(), annId, "carol");
        assertEquals("APPROVED", approved.status());
        assertEquals("carol", approved.approvedBy());
        assertTrue(approved.approvedAt() != null);
        Statement paid = statements.markPaid(s.a(), annId, "dave", "SEPA-2026-0042");
        assertEquals("PAID", paid.status());
        assertEquals("dave", paid.paidBy());
        assertEquals("SEPA-2026-0042", paid.paidReference());
        assertThrows(DomainException.class, () -> statements.approve(s.a(), annId, "carol"));
        assertEquals(1, statements.approveAll(s.a(), run.id(), "carol"), "=Bob's, the one still open");
        assertEquals(0, statements.approveAll(s.a(), run.id(), "carol"));

        var csv = statements.runCsv(s.a(), run.id());
        assertEquals("payouts-2026-03-02-to-2026-03-08.csv", csv.fileName());
        List<CSVRecord> rows;
        try (CSVParser parser = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(new String(csv.content(), StandardCharsets.UTF_8)))) {
            assertEquals(StatementCsv.HEADER, parser.getHeaderNames());
            rows = parser.getRecords();
        }
        assertEquals(3, rows.size());
        assertEquals("'=Bob", rows.get(0).get("Performer"), "written as text, never a formula; by name");
        assertEquals("APPROVED", rows.get(0).get("Status"));
        assertEquals("Ann", rows.get(1).get("Performer"));
        assertEquals("PAID", rows.get(1).get("Status"));
        assertEquals("dave", rows.get(1).get("Paid by"));
        assertEquals("SEPA-2026-0042", rows.get(1).get("Paid reference"));
        CSVRecord total = rows.get(2);
        assertEquals("Total", total.get("Statement"));
        assertEquals("4", total.get("Tips"));
        assertEquals("170", total.get("Tip credits"));
        assertEquals("13.00", total.get("Gross"));
        assertEquals("7.55", total.get("Performer benefit"));
        assertEquals("5.45", total.get("Site share"));
    }

    @Test
    void theSitesCalendarStartsTheRunThatIsDue() throws InterruptedException {
        Sites s = dataSet("Calendar");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        long recent = fx.tip(
                s.a(), s.ann(), s.u1(), 80, today.minusDays(2).atStartOfDay().toInstant(ZoneOffset.UTC));
        DayOfWeek day = today.getDayOfWeek();
        PayoutRuns.Calendar calendar = runs.schedule(s.a(), "WEEKLY", day.getValue(), "00:00");
        assertEquals("WEEKLY", calendar.frequency());
        assertTrue(calendar.description().startsWith("weekly on "), calendar.description());
        assertThrows(DomainException.class, () -> runs.schedule(s.a(), "WEEKLY", 8, "02:00"));
        assertThrows(DomainException.class, () -> runs.schedule(s.a(), "MONTHLY", 29, "02:00"));
        assertThrows(DomainException.class, () -> runs.schedule(s.a(), "HOURLY", 1, "02:00"));
        assertThrows(DomainException.class, () -> runs.schedule(s.a(), "WEEKLY", 1, "25:00"));
        assertEquals("WEEKLY", runs.calendar(s.a()).frequency(), "the refusals changed nothing");

        // The scheduler looks every 30 seconds: the run for the 7 days before today appears and completes.
        long deadline = System.nanoTime() + Duration.ofSeconds(75).toNanos();
        Run run = null;
        while (System.nanoTime() < deadline) {
            List<Run> all = runs.of(s.a(), 0, 5);
            if (!all.isEmpty() && "COMPLETED".equals(all.get(0).status())) {
                run = all.get(0);
                break;
            }
            Thread.sleep(250);
        }
        assertTrue(run != null, "no scheduled run completed");
        assertEquals("schedule", run.requestedBy());
        assertEquals(today.minusDays(7), run.firstDay());
        assertEquals(today.minusDays(1), run.lastDay());
        // No run paid March yet, so this one pays it too: everything unpaid dated before its end.
        Statement ann = byName(statements.ofRun(s.a(), run.id(), 0, 10), "Ann");
        assertFigures(ann, 5, 380, 1, 120, 60, "22.00", "13.20");
        assertNotEquals(0L, payouts.marks(s.a()).get(recent));
        assertEquals(ann.id(), payouts.marks(s.a()).get(recent));
        runs.schedule(s.a(), "OFF", 1, "02:00");
    }

    private static Statement byName(List<Statement> statements, String performer) {
        return statements.stream()
                .filter(s -> s.performer().equals(performer))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no statement of " + performer + " in " + statements));
    }

    private void assertRefused(long site, LocalDate first, LocalDate last, String why) {
        DomainException refused = assertThrows(DomainException.class, () -> runs.start(site, first, last, "carol"));
        assertTrue(refused.getMessage().contains(why), refused.getMessage());
    }

    private static void assertFigures(
            Statement s,
            int tips,
            long tipCredits,
            int shows,
            long showSeconds,
            long showCredits,
            String gross,
            String benefit) {
        assertEquals(
                List.of(
                        tips,
                        tipCredits,
                        shows,
                        showSeconds,
                        showCredits,
                        new BigDecimal(gross),
                        new BigDecimal(benefit)),
                List.of(
                        s.tips(),
                        s.tipCredits(),
                        s.shows(),
                        s.showSeconds(),
                        s.showCredits(),
                        s.gross(),
                        s.performerBenefit()),
                s.performer());
    }

    /** Waits for the run to stop being active. */
    private Run finished(long site, Run run) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Run now = run;
        while (now.active() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            now = runs.find(site, run.id());
        }
        assertFalse(now.active(), "run " + run.id() + " still " + now.status());
        return now;
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }
}
