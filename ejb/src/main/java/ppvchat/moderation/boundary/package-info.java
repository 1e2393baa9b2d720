/**
 * Moderation: staff acting in a room ({@link ppvchat.moderation.boundary.RoomModeration}), console accounts
 * acting from the console ({@link ppvchat.moderation.boundary.ConsoleModeration}), and the trail they leave
 * ({@link ppvchat.moderation.boundary.ModerationTrail}).
 */
package ppvchat.moderation.boundary;
