/** The Payouts page: the site's payout statements (the payout run that makes them comes with the batch job). */
package ppvchat.console.payouts;
