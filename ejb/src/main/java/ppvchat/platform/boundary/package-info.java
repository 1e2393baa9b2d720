/** What the platform reports about itself: health checks. */
package ppvchat.platform.boundary;
