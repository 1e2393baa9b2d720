package ppvchat.payments.control;

/** The site and buyer of a recorded capture. */
public record CaptureOwner(long webmasterId, long userId) {}
