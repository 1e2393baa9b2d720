package ppvchat.external.entity;

/** Every refusal's body: a clear message, and on 402 the user's balance. */
public record ErrorAnswer(String error, Long balance) {}
