/**
 * Per-second metering of private shows: one non-persistent tick per JVM reads every {@code CreditMeter},
 * each show's deadline ends it the instant its held credits run out, credits are held in blocks and settled
 * once, and one heartbeat per node per second is what a crash settles from.
 */
package ppvchat.metering.control;
