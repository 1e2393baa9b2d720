package ppvchat.loadtest.boundary;

import java.util.List;

/** A synthetic site for protocol tests and the fan-out benchmark: people with signed tokens, ready to connect. */
public record TestSite(
        long webmasterId,
        String origin,
        List<Member> performers,
        List<Member> users,
        Member moderator,
        Member guest,
        List<String> watcherTokens) {

    /** Someone on the site; {@code performerId} is set for performers only. */
    public record Member(long userId, String name, String role, Long performerId, long credits, String token) {}
}
