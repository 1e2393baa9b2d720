/** The console's settings page: a site's money, billing policy and chat settings. */
package ppvchat.console.settings;
