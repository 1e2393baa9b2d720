/** Posting to the ledger: user row locks, idempotency keys, one entry per balance change. */
package ppvchat.ledger.control;
