/** The console's Moderation page (the trail, bans, the typing-preview audit, masked words) and its ban form. */
package ppvchat.console.moderation;
