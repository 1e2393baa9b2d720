/** Sharing a photo in a room's chat, serving it, and taking it down. */
package ppvchat.photos.boundary;
