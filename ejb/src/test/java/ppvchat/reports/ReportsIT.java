package ppvchat.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ppvchat.persistence.TestDatabase;
import ppvchat.platform.entity.DomainException;
import ppvchat.platform.entity.NotFound;
import ppvchat.reports.boundary.Books;
import ppvchat.reports.boundary.EarningsLine;
import ppvchat.reports.boundary.EarningsReport;
import ppvchat.reports.boundary.PerformerHistory;
import ppvchat.reports.boundary.Reports;
import ppvchat.reports.boundary.UserHistory;
import ppvchat.reports.control.ReportCsv;

/**
 * The Reports page's figures on a known data set, on a real Payara Micro against H2 and MariaDB: two
 * performers of site A with tips and finished shows on two days of the period and some just outside it,
 * and site B's own performer and users. Every expected figure is worked out by hand below: a credit is
 * worth 0.05 EUR; Ann earns 60%, "=Bob" (a name a spreadsheet would run as a formula) the default 50%.
 */
@ExtendWith(ArquillianExtension.class)
class ReportsIT {

    static final LocalDate MARCH_1 = LocalDate.parse("2026-03-01");
    static final LocalDate MARCH_3 = LocalDate.parse("2026-03-03");

    @Deployment
    static WebArchive deployment() {
        TestDatabase.resetIfAsked();
        File[] libraries = new File(System.getProperty("ppv.it.libs")).listFiles((dir, name) -> name.endsWith(".jar"));
        return ShrinkWrap.create(WebArchive.class, "reports-it.war")
                .addAsLibrary(new File(System.getProperty("ppv.it.jar")))
                .addAsLibraries(Objects.requireNonNull(libraries))
                .addClasses(ReportsIT.class, ReportFixtures.class, TestDatabase.class)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
    }

    @Inject
    Reports reports;

    @Inject
    ReportFixtures fx;

    /** The ids of one data set. */
    record Sites(long a, long b, long ann, long bob, long cleo, long u1, long u2, long bUser) {}

    Sites dataSet(String name) {
        long a = fx.site(name + " A");
        long b = fx.site(name + " B");
        long ann = fx.performer(a, name + "-ann", "Ann", "60");
        long bob = fx.performer(a, name + "-bob", "=Bob", null);
        long u1 = fx.user(a, name + "-u1", 5_000);
        long u2 = fx.user(a, name + "-u2", 1_000);
        long cleo = fx.performer(b, name + "-cleo", "Cleo", null);
        long bUser = fx.user(b, name + "-b1", 9_000);

        // In the period [March 1, March 3): the first instant is in, the end instant is out.
        fx.tip(a, ann, u1, 100, at("2026-03-01T00:00:00Z"));
        fx.tip(a, ann, u1, 40, at("2026-03-02T12:00:00Z"));
        fx.show(a, ann, u1, 120, 60, at("2026-03-02T18:00:00Z"));
        fx.tip(a, bob, u2, 20, at("2026-03-01T10:00:00Z"));
        fx.show(a, bob, u1, 90, 30, at("2026-03-01T20:00:00Z"));
        // Outside it, by a microsecond on either side.
        fx.tip(a, ann, u1, 10, at("2026-02-28T23:59:59.999999Z"));
        fx.show(a, ann, u1, 300, 150, at("2026-03-03T00:00:00Z"));
        // Site B, same days.
        fx.tip(b, cleo, bUser, 500, at("2026-03-01T12:00:00Z"));
        fx.show(b, cleo, bUser, 600, 300, at("2026-03-02T12:00:00Z"));
        return new Sites(a, b, ann, bob, cleo, u1, u2, bUser);
    }

    @Test
    void perPerformerRowsAndTotalsAreTheFiguresWorkedOutByHand() {
        Sites s = dataSet("Figures");
        EarningsReport report = reports.earnings(s.a(), MARCH_1, MARCH_3, null);

        assertEquals("EUR", report.currency());
        assertEquals(2, report.lines().size(), "Ann and =Bob, nobody of site B");
        // Ann: tips 100 + 40, a show of 120 s for 60 credits: 200 credits = 10.00; 60% of 5.00, 2.00, 3.00.
        assertEquals(
                line(s.ann(), "Ann", 2, 140, 1, 120, 60, "10.00", "6.00"),
                report.lines().get(0));
        // =Bob: a tip of 20 and a show of 90 s for 30 credits: 50 credits = 2.50; 50% of 1.00 and 1.50.
        assertEquals(
                line(s.bob(), "=Bob", 1, 20, 1, 90, 30, "2.50", "1.25"),
                report.lines().get(1));
        EarningsLine totals = report.totals();
        assertEquals(line(null, EarningsLine.TOTAL, 3, 160, 2, 210, 90, "12.50", "7.25"), totals);
        assertEquals(new BigDecimal("5.25"), totals.siteShare());

        assertEquals(
                List.of(
                        new EarningsReport.Day(MARCH_1, 120, 30, new BigDecimal("7.50")),
                        new EarningsReport.Day(LocalDate.parse("2026-03-02"), 40, 60, new BigDecimal("5.00"))),
                report.days(),
                "one point per day of the period, days in UTC");

        EarningsReport bobOnly = reports.earnings(s.a(), MARCH_1, MARCH_3, s.bob());
        assertEquals(List.of(report.lines().get(1)), bobOnly.lines());
        assertEquals(30, bobOnly.days().get(0).showCredits());
    }

    @Test
    void thePeriodIncludesItsFirstInstantAndExcludesItsEnd() {
        Sites s = dataSet("Bounds");
        EarningsReport march3 = reports.earnings(s.a(), MARCH_3, MARCH_3.plusDays(1), s.ann());
        assertEquals(
                line(s.ann(), "Ann", 0, 0, 1, 300, 150, "7.50", "4.50"),
                march3.lines().get(0));
        EarningsReport feb28 = reports.earnings(s.a(), MARCH_1.minusDays(1), MARCH_1, null);
        assertEquals(
                line(s.ann(), "Ann", 1, 10, 0, 0, 0, "0.50", "0.30"),
                feb28.lines().get(0));
        assertEquals(1, feb28.lines().size());
        EarningsReport later =
                reports.earnings(s.a(), LocalDate.parse("2026-04-01"), LocalDate.parse("2026-05-01"), null);
        assertFalse(later.hasLines());
        assertEquals(30, later.days().size());
        assertEquals(0, later.totals().credits());
    }

    @Test
    void theCsvParsesBackToTheSameFiguresAndNeverRunsAFormula() throws IOException {
        Sites s = dataSet("Csv");
        Reports.Export export = reports.earningsCsv(s.a(), MARCH_1, MARCH_3, null);
        assertEquals("earnings-csv-a-2026-03-01-to-2026-03-02.csv", export.fileName());
        assertTrue(export.contentType().startsWith("text/csv"));

        String text = new String(export.content(), StandardCharsets.UTF_8);
        List<CSVRecord> rows;
        try (CSVParser parser = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(text))) {
            assertEquals(ReportCsv.HEADER, parser.getHeaderNames());
            rows = parser.getRecords();
        }
        assertEquals(3, rows.size(), "two performers and the totals:\n" + text);
        assertEquals("Ann", rows.get(0).get("Performer"));
        assertEquals("'=Bob", rows.get(1).get("Performer"), "a formula-like name is written as text");
        assertEquals(String.valueOf(s.bob()), rows.get(1).get("Performer id"));
        CSVRecord total = rows.get(2);
        assertEquals("Total", total.get("Performer"));
        assertEquals("", total.get("Performer id"));
        assertEquals("3", total.get("Tips"));
        assertEquals("160", total.get("Tip credits"));
        assertEquals("2", total.get("Shows"));
        assertEquals("210", total.get("Show seconds"));
        assertEquals("90", total.get("Show credits"));
        assertEquals("12.50", total.get("Gross"));
        assertEquals("7.25", total.get("Performer benefit"));
        assertEquals("5.25", total.get("Site share"));
        assertEquals("EUR", total.get("Currency"));
        BigDecimal grossOfRows = new BigDecimal(rows.get(0).get("Gross"))
                .add(new BigDecimal(rows.get(1).get("Gross")));
        assertEquals(new BigDecimal(total.get("Gross")), grossOfRows, "the totals row adds up the rows");
        assertFalse(text.contains("Cleo"), "nothing of site B");

        for (String formula : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "  =1")) {
            assertTrue(ReportCsv.text(formula).startsWith("'"), formula);
        }
        assertEquals("Ann-Marie", ReportCsv.text("Ann-Marie"));
    }

    @Test
    void aUsersHistoryIsTheLedgerWithTheRunningBalanceAPageAtATime() {
        Sites s = dataSet("UserHistory");
        // u1: bought 5000; tipped Ann 100, 40 and 10; watched Ann for 60 and 150 and =Bob for 30 credits.
        UserHistory first = reports.userHistory(s.a(), s.u1(), 0, 3);
        assertEquals(5_000 - 150 - 240, first.balance());
        assertEquals(1, first.purchases());
        assertEquals(5_000, first.purchasedCredits());
        assertEquals(3, first.tips());
        assertEquals(150, first.tipCredits());
        assertEquals(3, first.shows());
        assertEquals(240, first.showCredits());
        assertEquals(7, first.entryCount());
        assertEquals(3, first.entries().size());
        assertEquals(first.balance(), first.entries().get(0).balanceAfter(), "newest first");
        UserHistory.Entry newest = first.entries().get(0);
        assertEquals("SHOW_CHARGE", newest.kind());
        assertEquals("Ann", newest.performer());
        assertEquals(300L, newest.showSeconds());

        List<UserHistory.Entry> all = reports.userHistory(s.a(), s.u1(), 0, 50).entries();
        assertEquals(7, all.size());
        for (int i = 0; i + 1 < all.size(); i++) {
            assertEquals(
                    all.get(i + 1).balanceAfter(),
                    all.get(i).balanceAfter() - all.get(i).credits());
        }
        assertEquals("PURCHASE", all.get(6).kind());
        assertEquals(5_000, all.get(6).balanceAfter());
        assertEquals(all.subList(3, 6), reports.userHistory(s.a(), s.u1(), 3, 3).entries(), "the second page");
    }

    @Test
    void aPerformersHistoryListsShowsAndTipsNewestFirst() {
        Sites s = dataSet("PerformerHistory");
        PerformerHistory ann = reports.performerHistory(s.a(), s.ann(), 0, 2);
        // All time: tips 100, 40, 10; shows of 120 s (60) and 300 s (150): 360 credits = 18.00, 60% = 10.80.
        assertEquals(line(s.ann(), "Ann", 3, 150, 2, 420, 210, "18.00", "10.80"), ann.allTime());
        assertEquals(5, ann.entryCount());
        assertEquals(2, ann.entries().size());
        assertEquals("show", ann.entries().get(0).kind());
        assertEquals(300L, ann.entries().get(0).showSeconds());
        assertEquals("USER_LEFT", ann.entries().get(0).endReason());
        assertEquals("show", ann.entries().get(1).kind(), "the show of March 2, 18:00");
        assertEquals(120L, ann.entries().get(1).showSeconds());
        assertEquals(new BigDecimal("3.00"), ann.entries().get(1).price());
        assertEquals(new BigDecimal("1.80"), ann.entries().get(1).performerBenefit());
        PerformerHistory.Entry tip =
                reports.performerHistory(s.a(), s.ann(), 2, 2).entries().get(0);
        assertEquals("tip", tip.kind(), "the tip of March 2, 12:00");
        assertEquals(40, tip.credits());
        assertEquals(s.u1(), tip.userId());
        assertEquals(new BigDecimal("2.00"), tip.price());
        assertEquals(new BigDecimal("1.20"), tip.performerBenefit());
        List<PerformerHistory.Entry> last =
                reports.performerHistory(s.a(), s.ann(), 4, 2).entries();
        assertEquals(1, last.size());
        assertEquals(10, last.get(0).credits(), "the oldest, of February 28");
    }

    @Test
    void siteANeverSeesSiteB() {
        Sites s = dataSet("Isolation");
        assertThrows(NotFound.class, () -> reports.userHistory(s.a(), s.bUser(), 0, 10));
        assertThrows(NotFound.class, () -> reports.performerHistory(s.a(), s.cleo(), 0, 10));
        assertThrows(NotFound.class, () -> reports.earnings(s.a(), MARCH_1, MARCH_3, s.cleo()));
        assertThrows(NotFound.class, () -> reports.earningsCsv(s.a(), MARCH_1, MARCH_3, s.cleo()));
        assertThrows(NotFound.class, () -> reports.userHistory(s.b(), s.u1(), 0, 10));
        assertEquals(
                List.of(s.cleo()),
                reports.earnings(s.b(), MARCH_1, MARCH_3, null).lines().stream()
                        .map(EarningsLine::performerId)
                        .toList());
        assertEquals(
                List.of("=Bob", "Ann"),
                reports.performers(s.a()).stream()
                        .map(Reports.PerformerChoice::name)
                        .toList());
        assertTrue(reports.books(s.b()).figures().purchased() == 9_000, "B's books are B's alone");
    }

    @Test
    void badPeriodsAreRefusedClearly() {
        Sites s = dataSet("Refused");
        DomainException backwards =
                assertThrows(DomainException.class, () -> reports.earnings(s.a(), MARCH_3, MARCH_1, null));
        assertTrue(backwards.getMessage().contains("must come before"), backwards.getMessage());
        assertThrows(DomainException.class, () -> reports.earnings(s.a(), MARCH_1, MARCH_1, null));
        assertThrows(DomainException.class, () -> reports.earnings(s.a(), null, MARCH_1, null));
        DomainException tooLong = assertThrows(
                DomainException.class, () -> reports.earnings(s.a(), MARCH_1, MARCH_1.plusDays(367), null));
        assertTrue(tooLong.getMessage().contains("at most 366 days"), tooLong.getMessage());
        assertEquals(
                366,
                reports.earnings(s.a(), MARCH_1, MARCH_1.plusDays(366), null)
                        .days()
                        .size());
    }

    @Test
    void theBooksShowTheirFiguresAndRaiseTheAlarmWhenTheyDoNotBalance() {
        Sites s = dataSet("Books");
        Books clean = reports.books(s.a());
        assertTrue(clean.clean(), String.valueOf(clean.figures().problems()));
        assertEquals(6_000, clean.figures().purchased());
        // Tips 100 + 40 + 20 + 10, shows 60 + 30 + 150.
        assertEquals(410, clean.figures().spent());
        assertEquals(6_000 - 410, clean.figures().balances());
        assertEquals(clean.figures().balances(), clean.expectedBalances());
        assertEquals(0, clean.difference());

        fx.tamperWithBalance(s.u2(), 7);
        Books broken = reports.books(s.a());
        assertFalse(broken.clean());
        assertEquals(7, broken.difference());
        assertTrue(
                broken.figures().problems().stream().anyMatch(p -> p.contains("balance differs from their ledger")),
                String.valueOf(broken.figures().problems()));
        assertTrue(reports.books(s.b()).clean(), "site B is not affected");
    }

    private static EarningsLine line(
            Long id,
            String name,
            long tips,
            long tipCredits,
            long shows,
            long seconds,
            long showCredits,
            String gross,
            String benefit) {
        return new EarningsLine(
                id,
                name,
                tips,
                tipCredits,
                shows,
                seconds,
                showCredits,
                new BigDecimal(gross),
                new BigDecimal(benefit));
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }
}
