/** What moderation does to rooms, shared by staff in a room and by the console. */
package ppvchat.moderation.control;
