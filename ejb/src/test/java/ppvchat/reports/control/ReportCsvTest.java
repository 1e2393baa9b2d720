package ppvchat.reports.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import ppvchat.reports.boundary.EarningsLine;
import ppvchat.reports.boundary.EarningsReport;
import ppvchat.reports.boundary.Period;

class ReportCsvTest {

    @Test
    void textThatASpreadsheetWouldRunIsWrittenAsText() {
        for (String formula : List.of("=HYPERLINK(\"x\")", "+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "   =1")) {
            assertEquals("'" + formula, ReportCsv.text(formula), formula);
        }
        assertEquals("Ann-Marie", ReportCsv.text("Ann-Marie"));
        assertEquals("", ReportCsv.text(null));
    }

    @Test
    void aReportIsAHeaderTheRowsAndTheTotalsWithExactMoneyAndQuoting() {
        EarningsReport report = new EarningsReport(
                "Site",
                "EUR",
                new Period(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-04-01"), ZoneOffset.UTC),
                null,
                List.of(
                        new EarningsLine(1L, "Ann, \"the star\"", 2, 140, 1, 120, 60, money("10.00"), money("6.00")),
                        new EarningsLine(2L, "=Bob", 1, 20, 0, 0, 0, money("0.05"), money("0.03"))),
                List.of());
        assertEquals(
                String.join(
                        "\r\n",
                        "Performer,Performer id,Tips,Tip credits,Shows,Show seconds,Show credits,Gross,Performer benefit,"
                                + "Site share,Currency",
                        "\"Ann, \"\"the star\"\"\",1,2,140,1,120,60,10.00,6.00,4.00,EUR",
                        "'=Bob,2,1,20,0,0,0,0.05,0.03,0.02,EUR",
                        "Total,,3,160,1,120,60,10.05,6.03,4.02,EUR",
                        ""),
                ReportCsv.write(report));
    }

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }
}
