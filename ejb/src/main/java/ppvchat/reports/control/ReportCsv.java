package ppvchat.reports.control;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import ppvchat.reports.boundary.EarningsLine;
import ppvchat.reports.boundary.EarningsReport;

/**
 * Writes an earnings report as CSV (RFC 4180, quoted by Apache Commons CSV): a header row, one row per
 * performer, and the totals row. Money is written exactly, as plain decimals with the currency beside
 * them. A text cell that a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a
 * carriage return) is written with a leading apostrophe, so that it is only ever shown as text.
 */
public final class ReportCsv {

    public static final List<String> HEADER = List.of(
            "Performer",
            "Performer id",
            "Tips",
            "Tip credits",
            "Shows",
            "Show seconds",
            "Show credits",
            "Gross",
            "Performer benefit",
            "Site share",
            "Currency");

    private static final CSVFormat FORMAT =
            CSVFormat.RFC4180.builder().setHeader(HEADER.toArray(String[]::new)).get();

    private ReportCsv() {}

    public static String write(EarningsReport report) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, FORMAT)) {
            for (EarningsLine line : report.lines()) {
                print(csv, line, report.currency());
            }
            print(csv, report.totals(), report.currency());
        } catch (IOException cannot) {
            throw new UncheckedIOException(cannot);
        }
        return out.toString();
    }

    private static void print(CSVPrinter csv, EarningsLine line, String currency) throws IOException {
        csv.printRecord(
                text(line.performer()),
                line.performerId() == null ? "" : line.performerId(),
                line.tips(),
                line.tipCredits(),
                line.shows(),
                line.showSeconds(),
                line.showCredits(),
                money(line.gross()),
                money(line.performerBenefit()),
                money(line.siteShare()),
                currency);
    }

    private static String money(BigDecimal amount) {
        return amount.toPlainString();
    }

    /** Text as a spreadsheet shows it and never evaluates it. */
    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.stripLeading().isEmpty()
                ? value.charAt(0)
                : value.stripLeading().charAt(0);
        boolean formula = "=+-@".indexOf(first) >= 0 || "\t\r".indexOf(value.charAt(0)) >= 0;
        return formula ? "'" + value : value;
    }
}
