package ppvchat.accounts.entity;

public enum Gender {
    FEMALE,
    MALE,
    COUPLE,
    OTHER,
    UNKNOWN
}
