/** Private shows and their life cycle. */
package ppvchat.rooms.entity;
