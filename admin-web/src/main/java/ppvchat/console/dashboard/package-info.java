/** The console's dashboard page. */
package ppvchat.console.dashboard;
