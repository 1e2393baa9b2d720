package ppvchat.payouts.control;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import ppvchat.payouts.boundary.PayoutStatements.Statement;
import ppvchat.reports.control.ReportCsv;

/**
 * A run's statements as CSV (RFC 4180): one row per statement and a totals row. Money is exact, names are
 * written so that a spreadsheet never runs them as formulas.
 */
public final class StatementCsv {

    public static final List<String> HEADER = List.of(
            "Statement",
            "Performer",
            "Performer id",
            "First day",
            "Last day",
            "Tips",
            "Tip credits",
            "Shows",
            "Show seconds",
            "Show credits",
            "Gross",
            "Performer benefit",
            "Site share",
            "Currency",
            "Status",
            "Approved by",
            "Paid by",
            "Paid reference");

    private static final CSVFormat FORMAT =
            CSVFormat.RFC4180.builder().setHeader(HEADER.toArray(String[]::new)).get();

    private StatementCsv() {}

    public static String write(List<Statement> statements) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, FORMAT)) {
            for (Statement s : statements) {
                csv.printRecord(
                        s.id(),
                        ReportCsv.text(s.performer()),
                        s.performerId(),
                        s.periodStart(),
                        s.lastDay(),
                        s.tips(),
                        s.tipCredits(),
                        s.shows(),
                        s.showSeconds(),
                        s.showCredits(),
                        s.gross().toPlainString(),
                        s.performerBenefit().toPlainString(),
                        s.siteShare().toPlainString(),
                        s.currency(),
                        s.status(),
                        ReportCsv.text(s.approvedBy()),
                        ReportCsv.text(s.paidBy()),
                        ReportCsv.text(s.paidReference()));
            }
            csv.printRecord(
                    "Total",
                    "",
                    "",
                    "",
                    "",
                    statements.stream().mapToLong(Statement::tips).sum(),
                    statements.stream().mapToLong(Statement::tipCredits).sum(),
                    statements.stream().mapToLong(Statement::shows).sum(),
                    statements.stream().mapToLong(Statement::showSeconds).sum(),
                    statements.stream().mapToLong(Statement::showCredits).sum(),
                    sum(statements, Statement::gross),
                    sum(statements, Statement::performerBenefit),
                    sum(statements, Statement::siteShare),
                    statements.isEmpty() ? "" : statements.get(0).currency(),
                    "",
                    "",
                    "",
                    "");
        } catch (IOException cannot) {
            throw new UncheckedIOException(cannot);
        }
        return out.toString();
    }

    private static String sum(List<Statement> statements, java.util.function.Function<Statement, BigDecimal> amount) {
        return statements.stream()
                .map(amount)
                .reduce(new BigDecimal("0.00"), BigDecimal::add)
                .toPlainString();
    }
}
