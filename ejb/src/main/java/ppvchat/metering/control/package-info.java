/**
 * Per-second metering of private shows: one non-persistent tick per JVM reads every {@code CreditMeter};
 * credits are held in blocks, billed seconds are checkpointed every few seconds and settled once.
 */
package ppvchat.metering.control;
