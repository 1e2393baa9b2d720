/** What the console shows at a glance: a site's figures for the day. */
package ppvchat.reports.boundary;
