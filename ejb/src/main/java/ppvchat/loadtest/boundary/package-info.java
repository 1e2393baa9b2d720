/** Load driving for the metering benchmark and the crash test; off unless configured. */
package ppvchat.loadtest.boundary;
