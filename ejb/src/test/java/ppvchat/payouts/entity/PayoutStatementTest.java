package ppvchat.payouts.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import ppvchat.platform.entity.DomainException;

class PayoutStatementTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final LocalDate START = LocalDate.parse("2025-12-01");
    private static final LocalDate END = LocalDate.parse("2026-01-01");
    private static final StatementTotals TOTALS =
            new StatementTotals(3, 150, 2, 900, 450, new BigDecimal("12.00"), new BigDecimal("6.00"));

    private static PayoutStatement statement() {
        return new PayoutStatement(1, 100, START, END, TOTALS, "EUR", NOW);
    }

    @Test
    void newStatementIsOpenWithItsTotals() {
        PayoutStatement statement = statement();

        assertEquals(StatementStatus.OPEN, statement.status());
        assertEquals(1, statement.webmasterId());
        assertEquals(100, statement.performerId());
        assertEquals(START, statement.periodStart());
        assertEquals(END, statement.periodEnd());
        assertEquals(TOTALS, statement.totals());
        assertEquals(new BigDecimal("6.00"), statement.performerBenefit());
        assertEquals("EUR", statement.currency());
        assertNull(statement.approvedBy());
        assertNull(statement.paidBy());
    }

    @Test
    void periodEndsAfterItStarts() {
        assertThrows(
                IllegalArgumentException.class, () -> new PayoutStatement(1, 100, START, START, TOTALS, "EUR", NOW));
        assertThrows(IllegalArgumentException.class, () -> new PayoutStatement(1, 100, END, START, TOTALS, "EUR", NOW));
        assertEquals(
                START.plusDays(1),
                new PayoutStatement(1, 100, START, START.plusDays(1), TOTALS, "EUR", NOW).periodEnd());
    }

    @Test
    void openThenApprovedThenPaid() {
        PayoutStatement statement = statement();

        statement.approve("carol", NOW.plusSeconds(60));
        assertEquals(StatementStatus.APPROVED, statement.status());
        assertEquals("carol", statement.approvedBy());

        statement.markPaid("dave", "SEPA-2026-0042", NOW.plusSeconds(120));
        assertEquals(StatementStatus.PAID, statement.status());
        assertEquals("dave", statement.paidBy());
        assertEquals("SEPA-2026-0042", statement.paidReference());
    }

    @Test
    void aPaymentReferenceIsShortOrRefused() {
        PayoutStatement statement = statement();
        statement.approve("carol", NOW);

        assertThrows(DomainException.class, () -> statement.markPaid("dave", "x".repeat(101), NOW));
        assertEquals(StatementStatus.APPROVED, statement.status());
        statement.markPaid("dave", "  ", NOW);
        assertNull(statement.paidReference());
    }

    @Test
    void cannotPayAnOpenStatement() {
        PayoutStatement statement = statement();

        assertThrows(DomainException.class, () -> statement.markPaid("dave", null, NOW));
        assertEquals(StatementStatus.OPEN, statement.status());
        assertNull(statement.paidBy());
    }

    @Test
    void cannotApproveTwiceOrAfterPayment() {
        PayoutStatement statement = statement();
        statement.approve("carol", NOW);

        assertThrows(DomainException.class, () -> statement.approve("erin", NOW));
        assertEquals("carol", statement.approvedBy());

        statement.markPaid("dave", null, NOW);
        assertThrows(DomainException.class, () -> statement.approve("erin", NOW));
        assertThrows(DomainException.class, () -> statement.markPaid("erin", "", NOW));
        assertEquals(StatementStatus.PAID, statement.status());
        assertEquals("dave", statement.paidBy());
    }

    @Test
    void approveWithoutAnAccountantLeavesTheStatementOpen() {
        PayoutStatement statement = statement();

        assertThrows(NullPointerException.class, () -> statement.approve(null, NOW));
        assertEquals(StatementStatus.OPEN, statement.status());
    }

    @Test
    void totalsAllowZeroAndBenefitEqualToGross() {
        StatementTotals zero = new StatementTotals(0, 0, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO);
        StatementTotals all = new StatementTotals(1, 1, 0, 0, 0, new BigDecimal("5.00"), new BigDecimal("5.00"));

        assertEquals(BigDecimal.ZERO, zero.gross());
        assertEquals(all.gross(), all.performerBenefit());
    }

    @Test
    void totalsRejectNegativeCountsAndCredits() {
        BigDecimal ten = BigDecimal.TEN;
        assertThrows(IllegalArgumentException.class, () -> new StatementTotals(-1, 0, 0, 0, 0, ten, ten));
        assertThrows(IllegalArgumentException.class, () -> new StatementTotals(0, -1, 0, 0, 0, ten, ten));
        assertThrows(IllegalArgumentException.class, () -> new StatementTotals(0, 0, -1, 0, 0, ten, ten));
        assertThrows(IllegalArgumentException.class, () -> new StatementTotals(0, 0, 0, -1, 0, ten, ten));
        assertThrows(IllegalArgumentException.class, () -> new StatementTotals(0, 0, 0, 0, -1, ten, ten));
    }

    @Test
    void totalsRejectBadMoney() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new StatementTotals(1, 1, 0, 0, 0, new BigDecimal("5.00"), new BigDecimal("5.01")));
        assertThrows(
                IllegalArgumentException.class,
                () -> new StatementTotals(1, 1, 0, 0, 0, new BigDecimal("-0.01"), BigDecimal.ZERO));
        assertThrows(
                IllegalArgumentException.class,
                () -> new StatementTotals(1, 1, 0, 0, 0, new BigDecimal("5.00"), new BigDecimal("-0.01")));
        assertThrows(NullPointerException.class, () -> new StatementTotals(1, 1, 0, 0, 0, null, BigDecimal.ZERO));
        assertThrows(NullPointerException.class, () -> new StatementTotals(1, 1, 0, 0, 0, BigDecimal.ONE, null));
    }

    @Test
    void benefitIsComparedByValueNotScale() {
        StatementTotals totals = new StatementTotals(1, 1, 0, 0, 0, new BigDecimal("5"), new BigDecimal("5.00"));

        assertEquals(0, totals.gross().compareTo(totals.performerBenefit()));
    }
}
