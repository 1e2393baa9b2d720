package ppvchat.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Support tickets as the performer page and the console use them: the demo performer's own tickets over the
 * API with the chat token, nobody else's, text kept as typed and shown escaped, the admin's answer in the
 * console, and the dashboard's count of open tickets. Each check opens its own tickets; the counts they
 * assert are differences, so they can run in any order and more than once.
 */
final class SupportChecks {

    static final String TICKETS = "/api/webmasters/" + ProductChecks.DEMO_WEBMASTER + "/support/tickets";
    static final String SCRIPT = "<script>alert('support')</script> & \"quotes\"";

    private SupportChecks() {}

    /** Luna opens a ticket, reads it and replies; Mara, Alice, no token and another site get nothing. */
    static void performersKeepTheirOwnTicketsOverTheApi(HttpSession site) {
        String luna = bearer(site, "luna");
        long before =
                json(get(site, TICKETS, luna).body()).getJsonNumber("total").longValue();

        HttpResponse<String> opened = post(site, TICKETS, luna, ticket("Payout date", SCRIPT));
        assertEquals(201, opened.statusCode(), opened::body);
        assertEquals("no-store", opened.headers().firstValue("Cache-Control").orElse(""), "never cached");
        JsonObject thread = json(opened.body());
        long id = thread.getJsonObject("ticket").getJsonNumber("id").longValue();
        assertEquals("OPEN", thread.getJsonObject("ticket").getString("status"));
        JsonObject first = thread.getJsonArray("messages").getJsonObject(0);
        assertEquals(SCRIPT, first.getString("body"), "kept exactly as typed");
        assertTrue(first.getBoolean("mine"));

        JsonObject mine = json(get(site, TICKETS, luna).body());
        assertEquals(before + 1, mine.getJsonNumber("total").longValue());
        assertEquals(
                id,
                mine.getJsonArray("tickets")
                        .getJsonObject(0)
                        .getJsonNumber("id")
                        .longValue(),
                "newest first");

        HttpResponse<String> replied = post(site, TICKETS + "/" + id + "/messages", luna, reply("Any news?"));
        assertEquals(200, replied.statusCode(), replied::body);
        assertEquals(2, json(replied.body()).getJsonArray("messages").size());

        for (String bad : new String[] {"", "   ", "x".repeat(10_001)}) {
            HttpResponse<String> refused = post(site, TICKETS + "/" + id + "/messages", luna, reply(bad));
            assertEquals(400, refused.statusCode(), refused::body);
            assertTrue(refused.body().contains("message has 1 to"), refused::body);
        }
        HttpResponse<String> noSubject = post(site, TICKETS, luna, ticket(" ", "body"));
        assertEquals(400, noSubject.statusCode(), noSubject::body);
        assertEquals(
                before + 1,
                json(get(site, TICKETS, luna).body()).getJsonNumber("total").longValue(),
                "nothing saved");
        assertEquals(2, messages(site, luna, id).size(), "no message saved");

        String mara = bearer(site, "mara");
        assertEquals(404, get(site, TICKETS + "/" + id, mara).statusCode(), "another performer's ticket");
        assertEquals(
                404,
                post(site, TICKETS + "/" + id + "/messages", mara, reply("me too"))
                        .statusCode());
        assertFalse(get(site, TICKETS, mara).body().contains("\"id\":" + id + ","), "not in Mara's list");
        assertEquals(404, get(site, TICKETS + "/999999999", luna).statusCode(), "no such ticket");
        HttpResponse<String> fan = get(site, TICKETS, bearer(site, "alice"));
        assertEquals(403, fan.statusCode(), fan::body);
        assertEquals(401, site.get(TICKETS).statusCode(), "no token");
        int otherSite = get(
                        site, "/api/webmasters/" + (ProductChecks.DEMO_WEBMASTER + 1) + "/support/tickets/" + id, luna)
                .statusCode();
        assertTrue(otherSite == 401 || otherSite == 404, "another site: " + otherSite);
        assertEquals(2, messages(site, luna, id).size(), "nobody else changed it");
    }

    /**
     * The admin sees the performer's ticket on the Support page with the script escaped, answers it (ANSWERED,
     * shown to the performer as the support team's), and the dashboard counts it; the moderator does not see
     * it and the accountant has no Support page.
     */
    static void theConsoleAnswersAPerformersTicket(HttpSession site) {
        HttpSession admin = site.anotherVisitor();
        assertEquals(
                302,
                ProductChecks.signIn(admin, ProductChecks.DEMO_ADMIN, ProductChecks.DEMO_ADMIN_PASSWORD)
                        .statusCode());
        long openBefore = openTickets(admin);
        String luna = bearer(site, "luna");
        long id = json(post(site, TICKETS, luna, ticket("Camera <b>help</b>", SCRIPT))
                        .body())
                .getJsonObject("ticket")
                .getJsonNumber("id")
                .longValue();
        assertEquals(openBefore + 1, openTickets(admin), "the dashboard counts the new ticket");

        HttpResponse<String> page = admin.get("/admin/support.xhtml?ticket=" + id);
        assertEquals(200, page.statusCode(), page::body);
        assertTrue(page.body().contains("&lt;script&gt;alert("), "the script is shown as text");
        assertFalse(page.body().contains(SCRIPT), "never as markup");
        assertFalse(page.body().contains("<b>help</b>"), "the subject too");

        Map<String, String> answer = new HashMap<>(FacesForm.fields(page.body(), "answer"));
        answer.put("answer:reply", "Try another browser.");
        answer.put("answer:send", "");
        String answered = admin.postForm("/admin/support.xhtml", answer).body();
        assertTrue(answered.contains("Reply sent."), answered);
        JsonObject thread = json(get(site, TICKETS + "/" + id, luna).body());
        assertEquals("ANSWERED", thread.getJsonObject("ticket").getString("status"));
        JsonObject staff = thread.getJsonArray("messages").getJsonObject(1);
        assertTrue(staff.getBoolean("staff"));
        assertFalse(staff.getBoolean("mine"));
        assertEquals("Try another browser.", staff.getString("body"));
        assertFalse(thread.toString().contains(ProductChecks.DEMO_ADMIN + "\""), "no console login goes out");
        assertEquals(openBefore + 1, openTickets(admin), "answered is still open");

        HttpSession moderator = site.anotherVisitor();
        assertEquals(
                302,
                ProductChecks.signIn(moderator, "moderator", ProductChecks.DEMO_ADMIN_PASSWORD)
                        .statusCode());
        String notHis = moderator.get("/admin/support.xhtml?ticket=" + id).body();
        assertTrue(notHis.contains("No such ticket for you on this site."), notHis);
        assertFalse(notHis.contains("Try another browser."), "a moderator sees only the tickets they opened");
        HttpSession accountant = site.anotherVisitor();
        assertEquals(
                302,
                ProductChecks.signIn(accountant, "accountant", ProductChecks.DEMO_ADMIN_PASSWORD)
                        .statusCode());
        assertEquals(403, accountant.get("/admin/support.xhtml").statusCode());
    }

    private static long openTickets(HttpSession console) {
        HttpResponse<String> dashboard = console.get("/admin/index.xhtml");
        assertEquals(200, dashboard.statusCode(), dashboard::body);
        Matcher count = Pattern.compile("id=\"open-tickets\">(\\d+)<").matcher(dashboard.body());
        assertTrue(count.find(), dashboard::body);
        return Long.parseLong(count.group(1));
    }

    private static JsonArray messages(HttpSession site, String token, long id) {
        HttpResponse<String> thread = get(site, TICKETS + "/" + id, token);
        assertEquals(200, thread.statusCode(), thread::body);
        return json(thread.body()).getJsonArray("messages");
    }

    private static String bearer(HttpSession site, String username) {
        HttpResponse<String> signedIn = site.postJson(
                "/api/webmasters/" + ProductChecks.DEMO_WEBMASTER + "/chat/sessions",
                Json.createObjectBuilder()
                        .add("username", username)
                        .add("password", ChatSignInChecks.DEMO_PASSWORD)
                        .build()
                        .toString());
        assertEquals(200, signedIn.statusCode(), signedIn::body);
        return json(signedIn.body()).getString("token");
    }

    private static HttpResponse<String> get(HttpSession site, String path, String token) {
        return site.send("GET", path, "Authorization", "Bearer " + token);
    }

    private static HttpResponse<String> post(HttpSession site, String path, String token, String json) {
        return site.postJson(path, json, "Authorization", "Bearer " + token);
    }

    private static String ticket(String subject, String body) {
        return Json.createObjectBuilder()
                .add("subject", subject)
                .add("body", body)
                .build()
                .toString();
    }

    private static String reply(String body) {
        return Json.createObjectBuilder().add("body", body).build().toString();
    }

    private static JsonObject json(String body) {
        return ProductChecks.json(body).asJsonObject();
    }
}
