package ppvchat.ledger.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import ppvchat.accounts.entity.ChatUser;
import ppvchat.ledger.control.Ledger;
import ppvchat.ledger.entity.LedgerEntry;

/**
 * Credit changes made by people (a webmaster's correction, goodwill, settling a shortfall): an audited
 * ADJUSTMENT through the same ledger, with who and why. The caller's key makes a resubmitted form change
 * the balance once.
 */
@Stateless
public class CreditAdjustments {

    @Inject
    Ledger ledger;

    /** Adds (positive) or removes (negative) credits; a balance never goes below what shows hold. */
    public LedgerEntry adjust(long webmasterId, long userId, long credits, String actor, String reason, String key) {
        if (key == null || key.isBlank() || key.length() > 100) {
            throw new IllegalArgumentException("an adjustment needs a key of at most 100 characters");
        }
        ChatUser user = ledger.lockUser(webmasterId, userId);
        return ledger.adjust(user, credits, actor, reason, "adjust:" + key);
    }

    /** The webmaster decided about a user held after a refund or reversal: purchases and shows are open again. */
    public void liftPurchasesHold(long webmasterId, long userId) {
        ledger.lockUser(webmasterId, userId).liftPurchasesHold();
    }
}
