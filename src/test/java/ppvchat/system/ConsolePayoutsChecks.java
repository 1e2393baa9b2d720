package ppvchat.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The console's Payouts page as the demo accountant uses it, without JavaScript (full-page posts and reloads
 * instead of the page's poll), on the demo's three past weeks of tips and private shows (each week every
 * performer got a tip and a show). The accountant runs the week before last first: it pays that week and,
 * marked late, the week before it. The same week again changes nothing; the week before it is refused now.
 * Then last week: the CSV adds up to the statements shown, a statement is approved and marked paid with a
 * reference, the rest approved at once, one printed. The platform admin's run for all sites finds last week's
 * run on the demo site. A moderator gets 403.
 */
final class ConsolePayoutsChecks {

    private static final String PAGE = "/admin/payouts.xhtml";
    private static final String PRINT = "/admin/payouts-statement.xhtml";
    private static final String PASSWORD = ProductChecks.DEMO_ADMIN_PASSWORD;
    private static final Duration RUN_PATIENCE = Duration.ofSeconds(90);
    private static final Pattern RUN_ID = Pattern.compile("[?&]run=(\\d+)");

    private ConsolePayoutsChecks() {}

    static void accountantRunsTheDemosPastWeeksAndPaysAStatement(HttpSession site) {
        LocalDate lastWeek = lastWeeksMonday();
        LocalDate weekBefore = lastWeek.minusWeeks(1);
        int performers = ProductChecks.DEMO_PERFORMERS.size();

        HttpSession accountant = signedIn(site, "accountant");
        String page = accountant.get(PAGE).body();
        assertTrue(page.contains("No payout runs yet."), "the runs' empty state");
        Map<String, String> start = FacesForm.fields(page, "start");
        assertEquals(lastWeek.toString(), start.get("start:first_input"), "the form offers last week");
        assertEquals(lastWeek.plusDays(6).toString(), start.get("start:last_input"));
        assertEquals("UTC", elementText(page, "time-zone"));

        long first = start(accountant, weekBefore, "Started the run for " + period(weekBefore));
        String run = awaitCompleted(accountant, first);
        assertEquals(String.valueOf(performers), elementText(run, "run-statements"), "one statement per performer");
        assertEquals(String.valueOf(4 * performers), elementText(run, "run-earnings"), "two weeks of a tip and a show");
        assertEquals("0", elementText(run, "run-skipped"));
        assertTrue(run.contains("Nothing skipped"), "the skipped earnings' empty state");
        assertEquals("100%", elementText(run, "run-percent"));
        List<CSVRecord> csv = csv(accountant, run);
        assertAddsUp(run, csv, performers);

        String lines = accountant
                .get(PAGE + "?run=" + first + "&statement="
                        + row(csv, "Luna Starwise").get("Statement"))
                .body();
        assertTrue(text(lines).contains(": Luna Starwise"), () -> text(lines));
        assertEquals(2, count(lines, "class=\"payout-late\""), "the tip and the show of the week before, late");
        assertTrue(text(lines).contains("alice"), "each line with its user");

        long again = start(accountant, weekBefore, "has already completed");
        assertEquals(first, again, "the same period gives the same run");
        String unchanged = accountant.get(PAGE + "?run=" + first).body();
        assertEquals(String.valueOf(performers), elementText(unchanged, "run-statements"));
        assertEquals(values(csv), values(csv(accountant, unchanged)), "a second start pays nothing again");

        Map<String, String> earlier = FacesForm.fields(accountant.get(PAGE).body(), "start");
        earlier.put("start:first_input", weekBefore.minusWeeks(1).toString());
        earlier.put("start:last_input", weekBefore.minusDays(1).toString());
        earlier.put("start:run", "");
        String refused = text(accountant.postForm(PAGE, earlier).body());
        assertTrue(refused.contains("already paid everything dated before it"), refused);

        long second = start(accountant, lastWeek, "Started the run for " + period(lastWeek));
        String last = awaitCompleted(accountant, second);
        assertEquals(String.valueOf(2 * performers), elementText(last, "run-earnings"), "last week's only");
        assertAddsUp(last, csv(accountant, last), performers);

        String approved = accountant
                .postForm(PAGE, FacesForm.pressInRow(last, "statements", "Luna Starwise", "Approve"))
                .body();
        assertTrue(text(approved).contains("Statement of Luna Starwise approved by accountant."), () -> text(approved));
        Map<String, String> pay = FacesForm.pressInRow(approved, "statements", "Luna Starwise", "Mark paid");
        String reference = pay.keySet().stream()
                .filter(name -> name.endsWith(":reference"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no reference field: " + pay));
        pay.put(reference, "BANK-<42>");
        String paid = accountant.postForm(PAGE, pay).body();
        assertTrue(
                text(paid).contains("Statement of Luna Starwise marked paid by accountant, reference BANK-<42>."),
                () -> text(paid));
        assertTrue(paid.contains("BANK-&lt;42&gt;") && !paid.contains("BANK-<42>"), "the reference is text, not HTML");
        assertTrue(paid.contains("class=\"statement-paid-by\">accountant<"), "who paid it is shown");
        assertTrue(paid.contains("class=\"statement-approved-by\">accountant<"), "who approved it is shown");

        Map<String, String> all = FacesForm.fields(paid, "run-actions");
        all.put("run-actions:approve-all", "");
        String rest = accountant.postForm(PAGE, all).body();
        assertTrue(text(rest).contains((performers - 1) + " statements approved by accountant."), () -> text(rest));
        assertEquals("0", elementText(rest, "total-open"));
        assertEquals(String.valueOf(performers - 1), elementText(rest, "total-approved"));
        assertEquals("1", elementText(rest, "total-paid"));

        List<CSVRecord> after = csv(accountant, rest);
        CSVRecord luna = row(after, "Luna Starwise");
        assertEquals("PAID", luna.get("Status"));
        assertEquals("accountant", luna.get("Approved by"));
        assertEquals("accountant", luna.get("Paid by"));
        assertEquals("BANK-<42>", luna.get("Paid reference"));
        assertEquals("APPROVED", row(after, "Mara Quill").get("Status"));

        HttpResponse<String> print = accountant.get(PRINT + "?id=" + luna.get("Statement"));
        assertEquals(200, print.statusCode(), print::body);
        String printed = text(print.body());
        assertTrue(printed.contains("Starlight Advice") && printed.contains("Luna Starwise"), printed);
        assertTrue(printed.contains(period(lastWeek)), printed);
        assertTrue(printed.contains("Paid by accountant") && printed.contains("reference BANK-<42>"), printed);
        assertEquals(1, count(print.body(), "<td>tip</td>"), "every tip, line by line");
        assertEquals(1, count(print.body(), "<td>show</td>"), "and every show");
        assertFalse(print.body().contains("nav-payouts"), "a page to print, without the console's menu");
        assertTrue(print.body().contains("window.print()"), "with a Print button");

        HttpResponse<String> missing = accountant.get(PRINT + "?id=999999");
        assertEquals(404, missing.statusCode(), "another site's or no statement: not found");
        assertTrue(
                text(missing.body()).contains("There is no payout statement 999999 on Starlight Advice"),
                () -> text(missing.body()));
        assertFalse(missing.body().contains("Exception"), missing::body);

        assertFalse(accountant.get(PAGE).body().contains("all-sites"), "running every site is a platform admin's");
        HttpSession platform = signedIn(site, "platform");
        Map<String, String> everySite = FacesForm.fields(platform.get(PAGE).body(), "start");
        everySite.put("start:all-sites", "");
        String outcomes = text(platform.postForm(PAGE, everySite).body());
        assertTrue(outcomes.contains("Runs started for "), outcomes);
        assertTrue(
                outcomes.contains("Starlight Advice (#" + ProductChecks.DEMO_WEBMASTER + ") run #" + second + " for "
                        + period(lastWeek) + " (UTC): COMPLETED"),
                () -> "the demo site's outcome is the run it has for those days: " + outcomes);

        HttpSession moderator = signedIn(site, "moderator");
        assertEquals(403, moderator.get(PAGE).statusCode(), "payouts are not a moderator's");
        assertEquals(403, moderator.get(PRINT + "?id=" + luna.get("Statement")).statusCode());
    }

    /** Monday of last week in UTC, the demo site's time zone: the Payouts page's default first day. */
    static LocalDate lastWeeksMonday() {
        return LocalDate.now(ZoneOffset.UTC)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .minusWeeks(1);
    }

    private static String period(LocalDate monday) {
        return monday + " to " + monday.plusDays(6);
    }

    /** Starts the run for the week from {@code monday} with the page's form; answers the run it shows. */
    private static long start(HttpSession accountant, LocalDate monday, String said) {
        Map<String, String> form = FacesForm.fields(accountant.get(PAGE).body(), "start");
        form.put("start:first_input", monday.toString());
        form.put("start:last_input", monday.plusDays(6).toString());
        form.put("start:run", "");
        long run = runOf(accountant.postForm(PAGE, form));
        String shown = text(accountant.get(PAGE + "?run=" + run).body());
        assertTrue(shown.contains(said), () -> "said after the redirect: " + shown);
        return run;
    }

    /** The CSV's totals row is the page's totals and adds up its rows: one per statement shown. */
    private static void assertAddsUp(String page, List<CSVRecord> csv, int statements) {
        assertEquals(statements + 1, csv.size(), "the statements and the totals row");
        CSVRecord total = csv.get(statements);
        assertEquals("Total", total.get("Statement"));
        assertEquals(elementText(page, "total-tips"), total.get("Tips"));
        assertEquals(elementText(page, "total-tip-credits"), total.get("Tip credits"));
        assertEquals(elementText(page, "total-shows"), total.get("Shows"));
        assertEquals(elementText(page, "total-show-seconds"), total.get("Show seconds"));
        assertEquals(elementText(page, "total-show-credits"), total.get("Show credits"));
        assertEquals(elementText(page, "total-gross"), total.get("Gross"));
        assertEquals(elementText(page, "total-benefit"), total.get("Performer benefit"));
        assertEquals(elementText(page, "total-site"), total.get("Site share"));
        BigDecimal gross = BigDecimal.ZERO.setScale(2);
        for (CSVRecord statement : csv.subList(0, statements)) {
            gross = gross.add(new BigDecimal(statement.get("Gross")));
            assertTrue(page.contains(">" + statement.get("Performer") + "<"), "each CSV row is a statement shown");
            assertEquals("OPEN", statement.get("Status"));
        }
        assertEquals(new BigDecimal(total.get("Gross")), gross, "the totals row adds up the statements");
    }

    private static HttpSession signedIn(HttpSession site, String account) {
        HttpSession browser = site.anotherVisitor();
        assertEquals(302, ProductChecks.signIn(browser, account, PASSWORD).statusCode(), account);
        return browser;
    }

    /** The run the page was sent to after a start: its address names it. */
    private static long runOf(HttpResponse<String> redirect) {
        assertEquals(302, redirect.statusCode(), redirect::body);
        String location = redirect.headers().firstValue("Location").orElse("");
        Matcher run = RUN_ID.matcher(location);
        assertTrue(run.find(), "the run in the address: " + location);
        return Long.parseLong(run.group(1));
    }

    /** Reloads the run's page, as someone without the page's poll would, until the run has completed. */
    private static String awaitCompleted(HttpSession accountant, long runId) {
        long deadline = System.nanoTime() + RUN_PATIENCE.toNanos();
        while (true) {
            String page = accountant.get(PAGE + "?run=" + runId).body();
            String status = elementText(page, "run-status");
            if ("COMPLETED".equals(status)) {
                return page;
            }
            assertTrue(
                    List.of("QUEUED", "RUNNING").contains(status),
                    () -> "run " + runId + " is " + status + ": " + text(page));
            if (System.nanoTime() > deadline) {
                throw new AssertionError("run " + runId + " still " + status + " after " + RUN_PATIENCE);
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The chosen run's CSV, downloaded with the page's button. */
    private static List<CSVRecord> csv(HttpSession accountant, String page) {
        Map<String, String> form = FacesForm.fields(page, "run-actions");
        form.put("run-actions:csv", "");
        HttpResponse<String> download = accountant.postForm(PAGE, form);
        assertEquals(200, download.statusCode(), download::body);
        assertTrue(
                download.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"),
                () -> "a CSV file, not a page: " + download.body());
        String disposition =
                download.headers().firstValue("Content-Disposition").orElse("");
        assertTrue(
                disposition.matches(".*attachment.*payouts-\\d{4}-\\d{2}-\\d{2}-to-\\d{4}-\\d{2}-\\d{2}\\.csv.*"),
                disposition);
        try (CSVParser parser = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(download.body()))) {
            return parser.getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<List<String>> values(List<CSVRecord> csv) {
        return csv.stream().map(row -> List.of(row.values())).toList();
    }

    private static CSVRecord row(List<CSVRecord> csv, String performer) {
        return csv.stream()
                .filter(row -> performer.equals(row.get("Performer")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no statement of " + performer + " in " + csv));
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }

    private static String elementText(String html, String id) {
        Matcher element = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*>([^<]*)<")
                .matcher(html);
        assertTrue(element.find(), () -> "no element with id " + id + " in " + text(html));
        return element.group(1).trim();
    }

    /** The page's text as a person reads it: no tags, entities decoded, spaces collapsed. */
    static String text(String html) {
        return html.replaceAll("(?s)<script.*?</script>", " ")
                .replaceAll("<[^>]+>", " ")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&")
                .replaceAll("\\s+", " ");
    }
}
