/** Hold-then-settle billing of private shows: start, extend, settle, and the clean stop of a node. */
package ppvchat.metering.boundary;
