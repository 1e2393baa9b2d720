/** Performer rooms: presence, watchers, private requests and shows, and the events they announce. */
package ppvchat.rooms.boundary;
