/**
 * {@code bin/contract-test}: checks a webmaster's server against the external-mode contract with the product's own
 * client, call by call, and prints PASS or FAIL with a reason for each.
 */
package ppvchat.contract;
