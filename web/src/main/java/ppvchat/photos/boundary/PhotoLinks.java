package ppvchat.photos.boundary;

/** Where a chat photo is served: a path on this server, for chat lines and the upload's answer. */
public final class PhotoLinks {

    private PhotoLinks() {}

    public static String path(long webmasterId, String photoId) {
        return "/api/webmasters/" + webmasterId + "/chat-photos/" + photoId;
    }
}
