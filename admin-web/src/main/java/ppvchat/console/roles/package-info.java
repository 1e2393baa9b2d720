/** The Roles page: what each chat role may do on the site, and the site's console accounts. */
package ppvchat.console.roles;
