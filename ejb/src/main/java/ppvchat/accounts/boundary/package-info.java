/** Chat users of each webmaster's site, and the console accounts that run it. */
package ppvchat.accounts.boundary;
