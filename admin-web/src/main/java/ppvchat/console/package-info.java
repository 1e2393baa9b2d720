/** The admin console's shell: sign-in, the signed-in account and its webmaster, page locations. */
package ppvchat.console;
