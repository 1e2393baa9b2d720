/** The console's PayPal page: payments, disputes, refused captures and users on hold. */
package ppvchat.console.payments;
