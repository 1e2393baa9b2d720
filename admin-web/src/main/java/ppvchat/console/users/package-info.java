/** The console's Users page: find a site's users, read their ledger, adjust their credits. */
package ppvchat.console.users;
