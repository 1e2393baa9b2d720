package ppvchat.metering.control;

/**
 * What a meter says at one instant.
 *
 * @param billedSeconds seconds billed so far (after the grace period), never more than the hold covers
 * @param creditsOwed what those seconds cost under the webmaster's rounding rule
 * @param secondsLeft seconds the show can still run on what is held, grace included
 * @param warnSecondsLeft a low-balance threshold crossed just now, or null
 * @param wantsMoreHold the hold is running low: reserve another block of credits
 * @param exhausted the hold is used up: without more credits the show ends now
 */
public record MeterReading(
        long showId,
        long billedSeconds,
        long creditsOwed,
        long secondsLeft,
        Integer warnSecondsLeft,
        boolean wantsMoreHold,
        boolean exhausted) {}
