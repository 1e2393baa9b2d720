package ppvchat.rest;

/** The body of every error answer of the API: a message for people, never a stack trace. */
public record ErrorMessage(int status, String error) {}
