/** Photos shared in a room's chat, as stored: re-encoded, without metadata, named by a random id. */
package ppvchat.photos.entity;
