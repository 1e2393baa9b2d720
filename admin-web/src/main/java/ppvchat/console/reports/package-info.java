/** The Reports page: earnings per performer and period with a chart and CSV, histories, and the books. */
package ppvchat.console.reports;
