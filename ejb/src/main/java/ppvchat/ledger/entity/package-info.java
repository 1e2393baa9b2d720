/** The append-only credit ledger; every balance change is one entry with an idempotency key. */
package ppvchat.ledger.entity;
