package ppvchat.signaling.boundary;

import java.util.List;

/** One entry of RTCPeerConnection's {@code iceServers}; TURN entries carry short-lived credentials. */
public record IceServer(List<String> urls, String username, String credential) {

    public static IceServer stun(List<String> urls) {
        return new IceServer(List.copyOf(urls), null, null);
    }
}
