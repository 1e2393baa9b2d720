package ppvchat.photos.boundary;

/** A photo now in a room's chat: the chat line that shows it, and the stored photo's id and size. */
public record SharedPhoto(String messageId, String photoId, int width, int height) {}
