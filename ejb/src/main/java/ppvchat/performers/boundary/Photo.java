package ppvchat.performers.boundary;

/** A photo's bytes with the type to serve them as. */
public record Photo(String contentType, byte[] content) {}
