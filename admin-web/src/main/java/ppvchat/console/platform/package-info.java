/** The platform admin's Webmasters page: all sites, a new site with its first admin, disable and enable. */
package ppvchat.console.platform;
