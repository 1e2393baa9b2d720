package ppvchat.external.entity;

/**
 * A user of the webmaster's site as its server describes them after {@code /authenticate}: the id is the host's
 * (a string up to 64 characters), gender is female, male, couple or other, role is user, moderator or guest, and
 * image and profile are absolute URLs or null.
 */
public record HostUser(String id, String username, String image, String gender, String role, String profile) {}
