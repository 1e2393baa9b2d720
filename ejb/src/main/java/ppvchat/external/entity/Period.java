package ppvchat.external.entity;

import java.time.Instant;

/** The body of {@code /reconciliation}: the half-open period [from, to). */
public record Period(Instant from, Instant to) {}
