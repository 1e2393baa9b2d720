package ppvchat.loadtest.boundary;

/** What a load test started: the synthetic site, how many shows run, how long setting them up took. */
public record StartedShows(long webmasterId, int shows, long setupMillis) {}
