/** What the reports need beside their queries: reading aggregate cells, writing CSV safely. */
package ppvchat.reports.control;
