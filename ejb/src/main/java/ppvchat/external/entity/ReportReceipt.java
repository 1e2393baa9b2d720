package ppvchat.external.entity;

/** The answer to a show or tip report; {@code replayed} when the webmaster's server already had it. */
public record ReportReceipt(String key, boolean replayed) {}
