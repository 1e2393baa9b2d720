/** Performers: profiles, prices and percentages, photos, and the wall that lists them. */
package ppvchat.performers.boundary;
