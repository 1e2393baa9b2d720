/**
 * What the console shows of a site's money: the day at a glance (Dashboard), and the Reports page's
 * earnings per performer and period, histories, CSV export and the books (Reports).
 */
package ppvchat.reports.boundary;
