/** The console's Performers page: the site's performers, their profiles, prices, photos and logins. */
package ppvchat.console.performers;
