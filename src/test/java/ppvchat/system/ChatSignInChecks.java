package ppvchat.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;

/** Signing in to the demo site's chat over HTTP, as the browser client and the host sites will. */
final class ChatSignInChecks {

    static final String CHAT = "/api/webmasters/1/chat";
    static final String DEMO_PASSWORD = "demo-chat";

    private ChatSignInChecks() {}

    static void demoLoginsGetTokensThatRefresh(HttpSession site) {
        for (String[] login : new String[][] {{"luna", "PERFORMER"}, {"alice", "USER"}, {"mia", "MODERATOR"}}) {
            HttpResponse<String> answer = signIn(site, login[0], DEMO_PASSWORD);
            assertEquals(200, answer.statusCode(), answer::body);
            JsonObject signedIn = json(answer.body());
            assertEquals(login[0], signedIn.getString("username"));
            assertEquals(login[1], signedIn.getString("role"));
            assertEquals(1, signedIn.getJsonNumber("webmasterId").longValue());
            assertTrue(signedIn.getString("token").split("\\.").length == 3, "a signed JWT");
            assertEquals(
                    "no-store", answer.headers().firstValue("Cache-Control").orElse(""), "never cached");
        }
        String token = json(signIn(site, "luna", DEMO_PASSWORD).body()).getString("token");
        HttpResponse<String> refreshed =
                site.postJson(CHAT + "/sessions/refresh", "", "Authorization", "Bearer " + token);
        assertEquals(200, refreshed.statusCode(), refreshed::body);
        assertNotEquals(token, json(refreshed.body()).getString("token"));

        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
        HttpResponse<String> refused =
                site.postJson(CHAT + "/sessions/refresh", "", "Authorization", "Bearer " + tampered);
        assertEquals(401, refused.statusCode(), refused::body);
        HttpResponse<String> otherSite =
                site.postJson("/api/webmasters/2/chat/sessions/refresh", "", "Authorization", "Bearer " + token);
        assertTrue(otherSite.statusCode() == 401 || otherSite.statusCode() == 404, otherSite::body);
        assertEquals(401, site.postJson(CHAT + "/sessions/refresh", "").statusCode(), "no token");
    }

    static void failedSignInsSayNothingAboutWhichPartWasWrongAndAreLimited(HttpSession site) {
        HttpResponse<String> wrongPassword = signIn(site, "bob", "not-bobs-password");
        HttpResponse<String> unknownUser = signIn(site, "nobody-here", "whatever-password");
        assertEquals(401, wrongPassword.statusCode(), wrongPassword::body);
        assertEquals(wrongPassword.body(), unknownUser.body(), "the same answer for a wrong name and password");
        assertTrue(wrongPassword.body().contains("wrong username or password"), wrongPassword::body);
        assertFalse(wrongPassword.body().contains("Exception"), wrongPassword::body);

        for (int attempt = 1; attempt <= 5; attempt++) {
            assertEquals(401, signIn(site, "carol", "guess-" + attempt).statusCode(), "attempt " + attempt);
        }
        HttpResponse<String> locked = signIn(site, "carol", DEMO_PASSWORD);
        assertEquals(429, locked.statusCode(), "even the right password waits: " + locked.body());
        long retryAfter =
                Long.parseLong(locked.headers().firstValue("Retry-After").orElse("0"));
        assertTrue(retryAfter > 800 && retryAfter <= 900, "Retry-After " + retryAfter);
        assertEquals(200, signIn(site, "bob", DEMO_PASSWORD).statusCode(), "other accounts are not locked");
    }

    static void visitorsRegisterOrEnterAsGuests(HttpSession site) {
        HttpResponse<String> registered =
                site.postJson(CHAT + "/users", "{\"username\":\"new-fan\",\"password\":\"a long password\"}");
        assertEquals(201, registered.statusCode(), registered::body);
        assertEquals("USER", json(registered.body()).getString("role"));
        assertEquals(200, signIn(site, "new-fan", "a long password").statusCode(), "signs in with it later");

        HttpResponse<String> taken =
                site.postJson(CHAT + "/users", "{\"username\":\"NEW-FAN\",\"password\":\"another password\"}");
        assertEquals(400, taken.statusCode(), taken::body);
        assertTrue(taken.body().contains("taken"), taken::body);
        HttpResponse<String> weak =
                site.postJson(CHAT + "/users", "{\"username\":\"weak-one\",\"password\":\"short\"}");
        assertEquals(400, weak.statusCode(), weak::body);
        assertEquals(401, signIn(site, "weak-one", "short").statusCode(), "nothing was created");

        HttpResponse<String> guest = site.postJson(CHAT + "/guests", "{\"nickname\":\"Visitor\"}");
        assertEquals(201, guest.statusCode(), guest::body);
        JsonObject guestIn = json(guest.body());
        assertEquals("GUEST", guestIn.getString("role"));
        assertTrue(guestIn.getString("username").startsWith("Visitor~"), guestIn::toString);
        HttpResponse<String> script = site.postJson(CHAT + "/guests", "{\"nickname\":\"<script>\"}");
        assertEquals(400, script.statusCode(), script::body);
        HttpResponse<String> malformed = site.postJson(CHAT + "/guests", "{\"nickname\":");
        assertEquals(400, malformed.statusCode(), malformed::body);
        assertFalse(malformed.body().contains("Exception"), malformed::body);
    }

    private static HttpResponse<String> signIn(HttpSession site, String username, String password) {
        return site.postJson(
                CHAT + "/sessions",
                Json.createObjectBuilder()
                        .add("username", username)
                        .add("password", password)
                        .build()
                        .toString());
    }

    static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }
}
