package ppvchat.ledger.boundary;

import java.util.List;

/**
 * The money of one webmaster, added up two ways. Credits in: purchases and positive adjustments; out:
 * refunds, reversals, negative adjustments and spend (shows and tips). In external mode, credits also come in
 * debited by the site's own server and go back to it unused. Clean when what came in less what
 * went out equals the sum of balances, every balance equals its ledger, and no other check found
 * anything.
 */
public record ReconciliationReport(
        long webmasterId,
        long purchased,
        long refunded,
        long reversed,
        long adjusted,
        long spent,
        long balances,
        long held,
        long fromSiteServer,
        long backToSiteServer,
        List<String> problems) {

    public boolean clean() {
        return problems.isEmpty();
    }
}
