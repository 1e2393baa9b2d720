/** Performer profiles, photos and wall status. */
package ppvchat.performers.entity;
