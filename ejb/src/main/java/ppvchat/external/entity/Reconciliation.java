package ppvchat.external.entity;

import java.time.Instant;
import java.util.List;

/** What the webmaster's server applied in a period: every debit and every refund, to compare with our books. */
public record Reconciliation(List<AppliedDebit> debits, List<AppliedRefund> refunds) {

    public Reconciliation {
        debits = debits == null ? List.of() : List.copyOf(debits);
        refunds = refunds == null ? List.of() : List.copyOf(refunds);
    }

    public record AppliedDebit(String key, String userId, long credits, String reason, Instant at) {}

    public record AppliedRefund(String key, String debitKey, String userId, long credits, Instant at) {}
}
