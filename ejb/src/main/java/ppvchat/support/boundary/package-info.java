/**
 * The support desk: tickets between performers and moderators and a site's admins, read and answered in
 * the console and on the performer page.
 */
package ppvchat.support.boundary;
