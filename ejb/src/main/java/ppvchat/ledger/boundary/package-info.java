/** What the ledger answers to the outside: the reconciliation check. */
package ppvchat.ledger.boundary;
