/** The performer wall over HTTP: JSON for the embed scripts, photos for the tiles. */
package ppvchat.wall.boundary;
