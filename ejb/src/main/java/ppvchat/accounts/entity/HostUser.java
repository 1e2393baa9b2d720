package ppvchat.accounts.entity;

import java.util.Locale;
import java.util.regex.Pattern;
import ppvchat.platform.entity.DomainException;

/**
 * A user as the host site vouches for them: its own id for them, the name to show, a picture, gender, role
 * and profile page. Checked field by field, each refusal naming the field, before anyone is signed in.
 */
public record HostUser(String id, String username, String image, Gender gender, Role role, String profile) {

    private static final Pattern ID = Pattern.compile("[\\x21-\\x7E]{1,64}");
    private static final Pattern URL = Pattern.compile("https?://\\S{1,490}");
    private static final int MAX_NAME = 32;

    public HostUser {
        if (id == null || !ID.matcher(id).matches()) {
            throw new DomainException("id must be the host site's id of the user: 1 to 64 visible ASCII characters");
        }
        username = name(username);
        image = url(image, "image");
        profile = url(profile, "profile");
        if (gender == null) {
            gender = Gender.UNKNOWN;
        }
        if (role == null) {
            throw new DomainException("role must be one of guest, user, moderator");
        }
    }

    /** From the strings the host sends; gender and role by their lower-case names. */
    public static HostUser of(String id, String username, String image, String gender, String role, String profile) {
        return new HostUser(id, username, image, gender(gender), role(role), profile);
    }

    private static String name(String username) {
        String name = username == null ? "" : username.strip().replaceAll("\\s+", " ");
        if (name.length() < 2 || name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            throw new DomainException("username must have 2 to " + MAX_NAME + " characters");
        }
        if (name.contains("~")) {
            throw new DomainException("username may not contain '~' (it marks guests)");
        }
        return name;
    }

    private static String url(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!URL.matcher(value.strip()).matches()) {
            throw new DomainException(field + " must be an http(s) address of at most 500 characters");
        }
        return value.strip();
    }

    private static Gender gender(String gender) {
        if (gender == null || gender.isBlank()) {
            return Gender.UNKNOWN;
        }
        return switch (gender.strip().toLowerCase(Locale.ROOT)) {
            case "female", "f" -> Gender.FEMALE;
            case "male", "m" -> Gender.MALE;
            case "couple" -> Gender.COUPLE;
            case "other" -> Gender.OTHER;
            case "unknown" -> Gender.UNKNOWN;
            default -> throw new DomainException("gender must be female, male, couple or other");
        };
    }

    private static Role role(String role) {
        if (role == null || role.isBlank()) {
            return Role.USER;
        }
        try {
            return Role.valueOf(role.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DomainException("role must be one of guest, user, moderator");
        }
    }
}
