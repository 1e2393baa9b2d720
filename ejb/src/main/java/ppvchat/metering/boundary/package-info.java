/** Hold-then-settle billing of private shows: start, extend, checkpoint, settle. */
package ppvchat.metering.boundary;
