/** The console's credit packages page. */
package ppvchat.console.packages;
