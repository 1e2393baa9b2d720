/**
 * The Payouts page: payout runs started and followed live, their statements approved, marked paid and
 * exported as CSV, a statement's earnings line by line, the payout calendar; and the printable statement.
 */
package ppvchat.console.payouts;
