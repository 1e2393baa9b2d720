/** Live room state and the one place room events are published from. */
package ppvchat.rooms.control;
