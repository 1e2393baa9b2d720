package ppvchat.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The console's platform and site-wide pages through their forms, as the demo logins use them: the
 * platform admin's Webmasters page, a site's API secret, its roles and console accounts, and the CSS preview.
 */
final class ConsolePlatformChecks {

    private static final String PASSWORD = ProductChecks.DEMO_ADMIN_PASSWORD;
    private static final Pattern NEW_SECRET = Pattern.compile("id=\"new-secret\"[^>]*>([0-9a-f]{64})<");

    private ConsolePlatformChecks() {}

    /**
     * The platform admin creates a site with its first admin (bad input first: nothing is created); that admin
     * signs in and sees only the new, empty site; disabling the site shuts its admin out until it is enabled.
     */
    static void platformAdminCreatesASiteWhoseAdminSeesOnlyIt(HttpSession site) {
        HttpSession platform = signedIn(site, "platform");
        String page = platform.get("/admin/webmasters.xhtml").body();
        assertTrue(page.contains("Starlight Advice"), page);
        long sitesBefore = rows(page);

        String name = "Second site " + System.nanoTime();
        String admin = "second-" + System.nanoTime();
        Map<String, String> bad = FacesForm.fields(page, "create");
        bad.putAll(Map.of(
                "create:name", name,
                "create:currency", "XYZ",
                "create:creditValue", "0.05",
                "create:adminUsername", admin,
                "create:adminPassword", "second-password",
                "create:save", ""));
        String refused = platform.postForm("/admin/webmasters.xhtml", bad).body();
        assertTrue(refused.contains("XYZ is not an ISO 4217 currency code"), refused);
        assertEquals(sitesBefore, rows(platform.get("/admin/webmasters.xhtml").body()), "nothing created");

        Map<String, String> good =
                FacesForm.fields(platform.get("/admin/webmasters.xhtml").body(), "create");
        good.putAll(Map.of(
                "create:name", name,
                "create:currency", "EUR",
                "create:creditValue", "0.05",
                "create:adminUsername", admin,
                "create:adminPassword", "second-password",
                "create:save", ""));
        String created = platform.postForm("/admin/webmasters.xhtml", good).body();
        assertTrue(created.contains(admin + " can sign in to the console now"), created);
        assertTrue(created.contains(name), created);

        HttpSession newAdmin = site.anotherVisitor();
        assertEquals(
                302, ProductChecks.signIn(newAdmin, admin, "second-password").statusCode());
        String users = newAdmin.get("/admin/users.xhtml").body();
        assertFalse(users.contains("alice"), "the new site's admin sees none of the demo site's users");
        assertEquals(
                403, newAdmin.get("/admin/webmasters.xhtml").statusCode(), "a site's admin is not a platform admin");

        HttpResponse<String> workOn = platform.postForm(
                "/admin/webmasters.xhtml",
                FacesForm.pressInRow(
                        platform.get("/admin/webmasters.xhtml").body(), "sites", name, "Work on this site"));
        assertEquals(302, workOn.statusCode(), workOn::body);
        String dashboard = platform.get("/admin/index.xhtml").body();
        assertTrue(dashboard.contains("Site: " + name), "the console now works on the new site: " + dashboard);
        assertTrue(dashboard.contains("id=\"site-name\">" + name), dashboard);

        String disabled = platform.postForm(
                        "/admin/webmasters.xhtml",
                        FacesForm.pressInRow(
                                platform.get("/admin/webmasters.xhtml").body(), "sites", name, "Disable"))
                .body();
        assertTrue(disabled.contains("Site disabled"), disabled);
        assertEquals(302, newAdmin.get("/admin/users.xhtml").statusCode(), "the session already open ends too");
        assertEquals(
                200,
                ProductChecks.signIn(site.anotherVisitor(), admin, "second-password")
                        .statusCode(),
                "the disabled site's admin stays on the sign-in page");
        String enabled = platform.postForm(
                        "/admin/webmasters.xhtml",
                        FacesForm.pressInRow(
                                platform.get("/admin/webmasters.xhtml").body(), "sites", name, "Enable"))
                .body();
        assertTrue(enabled.contains("Site enabled again"), enabled);
        assertEquals(
                302,
                ProductChecks.signIn(site.anotherVisitor(), admin, "second-password")
                        .statusCode());
    }

    /** A new API secret is shown once, right after it is made, and never again. */
    static void apiSecretIsShownOnceWhenCreated(HttpSession site) {
        HttpSession admin = signedIn(site, ProductChecks.DEMO_ADMIN);
        String before = admin.get("/admin/settings.xhtml").body();
        Map<String, String> rotate = FacesForm.fields(before, "secret");
        rotate.put("secret:rotate", "");
        String after = admin.postForm("/admin/settings.xhtml", rotate).body();
        Matcher secret = NEW_SECRET.matcher(after);
        assertTrue(secret.find(), after);
        assertTrue(after.contains("Copy it now"), after);

        String later = admin.get("/admin/settings.xhtml").body();
        assertFalse(later.contains(secret.group(1)), "shown once only");
        assertTrue(later.contains("An API secret is set"), later);
    }

    /**
     * The roles grid: a cell revokes and grants again; live typing is never offered to users or guests; a new
     * moderator account added on the page signs in.
     */
    static void rolesPageChangesGrantsAndAddsConsoleAccounts(HttpSession site) {
        HttpSession admin = signedIn(site, ProductChecks.DEMO_ADMIN);
        String roles = admin.get("/admin/roles.xhtml").body();
        Matcher userRow = Pattern.compile("<tr[^>]*>(?:(?!</tr>).)*>User<(?:(?!</tr>).)*</tr>", Pattern.DOTALL)
                .matcher(roles);
        assertTrue(userRow.find(), roles);
        assertTrue(userRow.group().contains("never"), "live typing is not offered to users: " + userRow.group());

        String revoked = admin.postForm(
                        "/admin/roles.xhtml", FacesForm.pressInRow(roles, "grants", ">User<", "Revoke Tip"))
                .body();
        assertTrue(revoked.contains("Revoked Tip for User."), revoked);
        String granted = admin.postForm(
                        "/admin/roles.xhtml", FacesForm.pressInRow(revoked, "grants", ">User<", "Grant Tip"))
                .body();
        assertTrue(granted.contains("Granted Tip for User."), granted);

        String username = "mod-" + System.nanoTime();
        Map<String, String> add = FacesForm.fields(granted, "staff");
        add.putAll(Map.of("staff:username", username, "staff:password", "moderator-password", "staff:add", ""));
        String added = admin.postForm("/admin/roles.xhtml", add).body();
        assertTrue(added.contains("Console account " + username + " added"), added);
        HttpSession moderator = site.anotherVisitor();
        assertEquals(
                302,
                ProductChecks.signIn(moderator, username, "moderator-password").statusCode());
        assertEquals(200, moderator.get("/admin/index.xhtml").statusCode());
        assertEquals(403, moderator.get("/admin/roles.xhtml").statusCode(), "a moderator is not an admin");

        String disabled = admin.postForm(
                        "/admin/roles.xhtml",
                        FacesForm.pressInRow(admin.get("/admin/roles.xhtml").body(), "staff", username, "Disable"))
                .body();
        assertTrue(disabled.contains("Account disabled"), disabled);
        assertEquals(302, moderator.get("/admin/index.xhtml").statusCode(), "its open session ends at once");
    }

    /** The settings page previews the site's chat with the CSS being typed, through the public preview page. */
    static void cssPreviewIsServed(HttpSession site) {
        HttpSession admin = signedIn(site, ProductChecks.DEMO_ADMIN);
        assertTrue(admin.get("/admin/settings.xhtml").body().contains("src=\"/preview/site.html?site=1\""));
        HttpResponse<String> preview = site.get("/preview/site.html?site=1");
        assertEquals(200, preview.statusCode());
        assertTrue(preview.body().contains("preview.js"));
        assertTrue(site.get("/preview/preview.js").body().contains("event.origin !== location.origin"));
    }

    private static HttpSession signedIn(HttpSession site, String username) {
        HttpSession browser = site.anotherVisitor();
        assertEquals(302, ProductChecks.signIn(browser, username, PASSWORD).statusCode(), username);
        return browser;
    }

    private static long rows(String page) {
        return Pattern.compile("Work on this site|working on it")
                .matcher(page)
                .results()
                .count();
    }
}
