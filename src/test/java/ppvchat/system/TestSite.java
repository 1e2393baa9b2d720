package ppvchat.system;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** A synthetic site made by the load driver for the protocol tests: people with tokens, on one server. */
record TestSite(
        HttpSession http,
        long webmasterId,
        String origin,
        List<Member> performers,
        List<Member> users,
        Member moderator,
        Member guest) {

    record Member(long userId, String name, Long performerId, String token) {}

    /** A new site; {@code query} sets users, credits, rate, policy, bad words (see LoadTestResource). */
    static TestSite create(HttpSession http, String query) {
        HttpResponse<String> created = http.post("/api/loadtest/sites?" + query, Duration.ofMinutes(1));
        if (created.statusCode() != 200) {
            throw new AssertionError("no test site: " + created.statusCode() + " " + created.body());
        }
        JsonObject site = json(created.body());
        return new TestSite(
                http,
                site.getJsonNumber("webmasterId").longValue(),
                site.getString("origin"),
                site.getJsonArray("performers").getValuesAs(JsonObject.class).stream()
                        .map(TestSite::member)
                        .toList(),
                site.getJsonArray("users").getValuesAs(JsonObject.class).stream()
                        .map(TestSite::member)
                        .toList(),
                member(site.getJsonObject("moderator")),
                member(site.getJsonObject("guest")));
    }

    Member performer() {
        return performers.get(0);
    }

    Member user(int index) {
        return users.get(index);
    }

    /** A socket in the performer's room, as {@code who}. */
    SocketClient room(Member performer, Member who) {
        return SocketClient.open(http.uri("/"), roomPath(performer), who.token(), origin, who.name());
    }

    /** A socket in the performer's room that reads one frame per {@code readEvery}: a slow link. */
    SocketClient slowRoom(Member performer, Member who, Duration readEvery) {
        return SocketClient.open(http.uri("/"), roomPath(performer), who.token(), origin, who.name(), readEvery);
    }

    /** Like {@link #room}, and waits for the welcome. */
    SocketClient enter(Member performer, Member who) {
        SocketClient client = room(performer, who);
        client.take("welcome");
        return client;
    }

    String roomPath(Member performer) {
        return "/ws/webmasters/" + webmasterId + "/rooms/" + performer.performerId();
    }

    SocketClient wall(String token) {
        return SocketClient.open(http.uri("/"), "/ws/webmasters/" + webmasterId + "/wall", token, origin, "wall");
    }

    /** Rows per kind of this site and the server's open sockets. */
    JsonObject counts() {
        return json(
                http.get("/api/loadtest/webmasters/" + webmasterId + "/counts").body());
    }

    JsonObject reconciliation() {
        return json(http.get("/api/loadtest/webmasters/" + webmasterId + "/reconciliation")
                .body());
    }

    String typingAudit() {
        return http.get("/api/loadtest/webmasters/" + webmasterId + "/typing-audit")
                .body();
    }

    private static Member member(JsonObject member) {
        return new Member(
                member.getJsonNumber("userId").longValue(),
                member.getString("name"),
                member.containsKey("performerId")
                        ? member.getJsonNumber("performerId").longValue()
                        : null,
                member.getString("token"));
    }

    static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
