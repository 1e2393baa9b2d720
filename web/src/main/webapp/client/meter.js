// A private show's meter, computed as the server bills (docs/metering.md): the first `freeSeconds` are
// free, and credits are rounded once from all billed seconds at the locked rate, by the site's rule.
// The server's show.ended figures replace the estimate when the show ends.

/** A running show's meter from show.started or welcome.show. */
export function startMeter(m) {
  return {
    showId: m.showId,
    userId: m.userId ?? null,
    rate: m.ratePerMinute,
    free: Number(m.freeSeconds) || 0,
    rounding: m.rounding || 'UP',
    startedAt: Date.now() - (Number(m.elapsedSeconds) || 0) * 1000,
    ended: false,
  };
}

/** Ends the meter with the server's figures (billed seconds and credits) when it gave them. */
export function stopMeter(show, m) {
  show.elapsedAtEnd = elapsedSeconds(show);
  show.ended = true;
  if (m.seconds != null) {
    show.billedSeconds = m.seconds;
    show.credits = m.credits;
  }
}

/** Seconds since the show started (frozen when it ended). */
export function elapsedSeconds(show, now = Date.now()) {
  if (show.ended && show.elapsedAtEnd != null) return show.elapsedAtEnd;
  return Math.max(0, Math.floor((now - show.startedAt) / 1000));
}

/** Credits spent so far: the server's charge once ended, the same computation before. */
export function spentCredits(show, now = Date.now()) {
  if (show.ended && show.credits != null) return show.credits;
  return creditsFor(Math.max(0, elapsedSeconds(show, now) - show.free), show.rate, show.rounding);
}

/** The server's CreditRounding: billed seconds × credits per minute, in sixtieths, rounded once. */
export function creditsFor(billedSeconds, ratePerMinute, rounding) {
  const sixtieths = billedSeconds * ratePerMinute;
  const whole = Math.floor(sixtieths / 60);
  const remainder = sixtieths % 60;
  if (rounding === 'DOWN') return whole;
  if (rounding === 'HALF_UP') return remainder >= 30 ? whole + 1 : whole;
  return remainder > 0 ? whole + 1 : whole;
}
