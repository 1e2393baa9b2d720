package ppvchat.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The console's Reports page as the demo accountant uses it: the page opens on this month with the books
 * balanced, the CSV downloaded through the page's button carries the same totals as the page, and its
 * totals row adds up its rows; a moderator is refused the page.
 */
final class ConsoleReportsChecks {

    private ConsoleReportsChecks() {}

    static void accountantDownloadsTheEarningsCsvWithThePagesTotals(HttpSession site) {
        HttpSession browser = site.anotherVisitor();
        assertEquals(
                302,
                ProductChecks.signIn(browser, "accountant", ProductChecks.DEMO_ADMIN_PASSWORD)
                        .statusCode());
        HttpResponse<String> page = browser.get("/admin/reports.xhtml");
        assertEquals(200, page.statusCode(), page::body);
        String html = page.body();
        assertEquals("balanced", elementText(html, "books-state"), "the demo's books balance");

        Map<String, String> form = new HashMap<>(FacesForm.fields(html, "earnings"));
        form.put("earnings:csv", "");
        HttpResponse<String> download = browser.postForm("/admin/reports.xhtml", form);
        assertEquals(200, download.statusCode(), download::body);
        assertTrue(
                download.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"),
                () -> "a CSV file, not a page: " + download.body());
        String disposition =
                download.headers().firstValue("Content-Disposition").orElse("");
        assertTrue(
                disposition.contains("attachment")
                        && disposition.matches(
                                ".*earnings-starlight-advice-\\d{4}-\\d{2}-01-to-\\d{4}-\\d{2}-\\d{2}\\.csv.*"),
                disposition);

        List<CSVRecord> rows = parse(download.body());
        CSVRecord total = rows.get(rows.size() - 1);
        assertEquals("Total", total.get("Performer"));
        assertEquals(elementText(html, "total-tips"), total.get("Tips"));
        assertEquals(elementText(html, "total-shows"), total.get("Shows"));
        assertEquals(
                Long.parseLong(elementText(html, "total-credits")),
                Long.parseLong(total.get("Tip credits")) + Long.parseLong(total.get("Show credits")));
        assertEquals(elementText(html, "total-gross"), total.get("Gross"));
        assertEquals(elementText(html, "total-benefit"), total.get("Performer benefit"));
        assertEquals("USD", total.get("Currency"));
        BigDecimal gross = BigDecimal.ZERO.setScale(2);
        long tips = 0;
        for (CSVRecord row : rows.subList(0, rows.size() - 1)) {
            gross = gross.add(new BigDecimal(row.get("Gross")));
            tips += Long.parseLong(row.get("Tips"));
        }
        assertEquals(new BigDecimal(total.get("Gross")), gross, "the totals row adds up the rows");
        assertEquals(Long.parseLong(total.get("Tips")), tips);

        HttpSession moderator = site.anotherVisitor();
        assertEquals(
                302,
                ProductChecks.signIn(moderator, "moderator", ProductChecks.DEMO_ADMIN_PASSWORD)
                        .statusCode());
        assertEquals(403, moderator.get("/admin/reports.xhtml").statusCode(), "reports are not a moderator's");
    }

    private static List<CSVRecord> parse(String csv) {
        try (CSVParser parser = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(csv))) {
            return parser.getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String elementText(String html, String id) {
        Matcher element = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*>([^<]*)<")
                .matcher(html);
        assertTrue(element.find(), () -> "no element with id " + id + " in " + html);
        return element.group(1).trim();
    }
}
