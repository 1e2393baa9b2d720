/** Turning uploaded bytes into a safe photo, and how often one user may upload. */
package ppvchat.photos.control;
