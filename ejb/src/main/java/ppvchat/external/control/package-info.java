/**
 * External mode: the client that calls a webmaster's own server (authenticate, balance, debit, refund, show and
 * tip reports, reconciliation) under the signed contract of {@code docs/openapi/external-mode.yaml}.
 */
package ppvchat.external.control;
