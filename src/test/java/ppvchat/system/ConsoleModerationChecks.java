package ppvchat.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks of the console's Live and Moderation pages and of bans on the Users page, against the demo site,
 * as a browser without JavaScript uses them (full-page posts). Each leaves the demo site as it found it.
 */
final class ConsoleModerationChecks {

    private static final String PASSWORD = ProductChecks.DEMO_ADMIN_PASSWORD;

    private ConsoleModerationChecks() {}

    /** Moderators and admins have the Live and Moderation pages (in their menu too); accountants get 403. */
    static void moderatorsHaveLiveAndModeration(HttpSession site) {
        for (String account : List.of("moderator", ProductChecks.DEMO_ADMIN)) {
            HttpSession browser = site.anotherVisitor();
            assertEquals(302, ProductChecks.signIn(browser, account, PASSWORD).statusCode(), account);
            HttpResponse<String> live = browser.get("/admin/live.xhtml");
            assertEquals(200, live.statusCode(), live::body);
            assertTrue(
                    live.body().contains("Nobody is online right now.")
                            || live.body().contains("Private shows running"),
                    live::body);
            assertTrue(live.body().contains("id=\"nav-live\""), account + "'s menu has Live");
            HttpResponse<String> moderation = browser.get("/admin/moderation.xhtml");
            assertEquals(200, moderation.statusCode(), moderation::body);
            assertTrue(moderation.body().contains("Masked words"), moderation::body);
            assertTrue(moderation.body().contains("Who watched users type"), moderation::body);
        }
        HttpSession accountant = site.anotherVisitor();
        assertEquals(
                302, ProductChecks.signIn(accountant, "accountant", PASSWORD).statusCode());
        assertEquals(403, accountant.get("/admin/live.xhtml").statusCode());
        assertEquals(403, accountant.get("/admin/moderation.xhtml").statusCode());
        HttpSession moderator = site.anotherVisitor();
        assertEquals(302, ProductChecks.signIn(moderator, "moderator", PASSWORD).statusCode());
        assertEquals(403, moderator.get("/admin/users.xhtml").statusCode(), "bans on Users are for admins");
    }

    /**
     * The demo admin bans carol on the Users page: without a reason or with a length over a year it is
     * refused and she is not banned; with both she is, and the Moderation page lists the ban with the
     * admin as actor; lifting it there lets her back.
     */
    static void adminBansOnTheUsersPageAndLiftsOnModeration(HttpSession site) {
        HttpSession browser = site.anotherVisitor();
        assertEquals(
                302,
                ProductChecks.signIn(browser, ProductChecks.DEMO_ADMIN, PASSWORD)
                        .statusCode());
        String results = browser.get("/admin/users.xhtml?q=carol").body();
        Matcher link = Pattern.compile("user=([0-9]+)\"[^>]*>carol<").matcher(results);
        assertTrue(link.find(), () -> "carol among the results: " + results);
        String page = browser.get("/admin/users.xhtml?user=" + link.group(1)).body();
        assertFalse(page.contains("id=\"ban:ban-status\""), "carol is not banned yet");

        String noReason = ban(browser, page, "60", "");
        assertTrue(noReason.contains("Give a reason"), noReason);
        String tooLong = ban(browser, noReason, "9999999", "spam links");
        assertTrue(tooLong.contains("A ban lasts 1 to 525600 minutes"), tooLong);
        assertFalse(tooLong.contains("id=\"ban:ban-status\""), "nothing saved");

        String banned = ban(browser, tooLong, "60", "spam links <b>now</b>");
        assertTrue(banned.contains("carol is banned until"), banned);
        assertTrue(banned.contains("id=\"ban:ban-status\""), banned);
        assertTrue(banned.contains("spam links &lt;b&gt;now&lt;/b&gt;"), "the reason is escaped: " + banned);

        String moderation = browser.get("/admin/moderation.xhtml").body();
        assertTrue(moderation.contains("carol (#" + link.group(1) + ")"), moderation);
        assertTrue(moderation.contains(" (console)"), "banned from the console: " + moderation);
        Map<String, String> lift = new HashMap<>(FacesForm.fields(moderation, "bans"));
        lift.put("bans:banned:0:unban", "");
        String lifted = browser.postForm("/admin/moderation.xhtml", lift).body();
        assertTrue(lifted.contains("carol may come back: the ban is lifted."), lifted);
        assertTrue(lifted.contains("Nobody is banned."), lifted);
    }

    /** A moderator masks words; a list with a bad entry is refused and changes nothing; the list is restored. */
    static void moderatorEditsMaskedWords(HttpSession site) {
        HttpSession browser = site.anotherVisitor();
        assertEquals(302, ProductChecks.signIn(browser, "moderator", PASSWORD).statusCode());
        String page = browser.get("/admin/moderation.xhtml").body();
        Map<String, String> form = FacesForm.fields(page, "words");
        String before = form.get("words:list");

        String refused = saveWords(browser, form, "darn\ntwo words");
        assertTrue(refused.contains("A masked word is one word"), refused);
        String reloaded = browser.get("/admin/moderation.xhtml").body();
        assertEquals(before, FacesForm.fields(reloaded, "words").get("words:list"), "nothing saved");

        String saved = saveWords(browser, FacesForm.fields(reloaded, "words"), "Darn, heck\ndarn");
        assertTrue(saved.contains("2 words are masked from the next message on."), saved);
        assertEquals("darn\nheck", FacesForm.fields(saved, "words").get("words:list"));

        String restored = saveWords(browser, FacesForm.fields(saved, "words"), before);
        assertEquals(before, FacesForm.fields(restored, "words").get("words:list"));
    }

    private static String ban(HttpSession browser, String page, String minutes, String reason) {
        Map<String, String> form = new HashMap<>(FacesForm.fields(page, "ban"));
        form.put("ban:ban-minutes", minutes);
        form.put("ban:ban-reason", reason);
        form.put("ban:ban-user", "");
        return browser.postForm("/admin/users.xhtml", form).body();
    }

    private static String saveWords(HttpSession browser, Map<String, String> fields, String words) {
        Map<String, String> form = new HashMap<>(fields);
        form.put("words:list", words);
        form.put("words:save-words", "");
        return browser.postForm("/admin/moderation.xhtml", form).body();
    }
}
