package ppvchat.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

/**
 * Where a site's credits live, set on the console's Settings page as the demo admin does it: a plain-http server
 * is refused with the reason and changes nothing, an https server is saved and shown, and the site goes back to
 * embed mode. The Reports page shows the site's server section only while the site is in external mode.
 */
final class ConsoleExternalModeChecks {

    private static final String SETTINGS = "/admin/settings.xhtml";
    private static final String REPORTS = "/admin/reports.xhtml";
    private static final String EMBEDDED = "Now: here (embed mode).";
    private static final String SECTION = "id=\"site-server\"";

    private ConsoleExternalModeChecks() {}

    static void adminMovesTheCreditsToTheSitesServerAndBack(HttpSession site) {
        HttpSession admin = signedIn(site, ProductChecks.DEMO_ADMIN);
        HttpSession accountant = signedIn(site, "accountant");
        assertTrue(unescaped(admin.get(SETTINGS).body()).contains(EMBEDDED), "the demo site starts in embed mode");
        assertFalse(accountant.get(REPORTS).body().contains(SECTION), "an embed site has no site's server section");
        String back;
        try {
            String refused = integrate(admin, "EXTERNAL", "http://shop.example/ppv");
            assertTrue(refused.contains("The site's server must be reached over https"), refused);
            String unchanged = unescaped(admin.get(SETTINGS).body());
            assertTrue(unchanged.contains(EMBEDDED), "nothing changed: " + unchanged);

            String saved = integrate(admin, "EXTERNAL", "https://shop.example/ppv-api");
            assertTrue(
                    saved.contains(
                            "your users' credits now live on your site's server at" + " https://shop.example/ppv-api."),
                    saved);
            String external = unescaped(admin.get(SETTINGS).body());
            assertTrue(
                    external.contains("Now: on your site's server at https://shop.example/ppv-api (external mode)."),
                    external);
            assertEquals(
                    "https://shop.example/ppv-api",
                    FacesForm.fields(external, "integration").get("integration:baseUrl"));
            String reports = accountant.get(REPORTS).body();
            assertTrue(reports.contains(SECTION) && reports.contains("Calls to your server"), reports);
        } finally {
            back = integrate(admin, "EMBED", "");
        }
        assertTrue(back.contains("Embed mode: your users' credits now live here."), back);
        assertTrue(unescaped(admin.get(SETTINGS).body()).contains(EMBEDDED));
        assertFalse(accountant.get(REPORTS).body().contains(SECTION), "embed again: no site's server section");
    }

    private static String integrate(HttpSession admin, String mode, String baseUrl) {
        Map<String, String> form = FacesForm.fields(admin.get(SETTINGS).body(), "integration");
        form.put("integration:mode", mode);
        form.put("integration:baseUrl", baseUrl);
        form.put("integration:saveIntegration", "");
        return unescaped(admin.postForm(SETTINGS, form).body());
    }

    /** The page with apostrophes as text, however the component escaped them. */
    private static String unescaped(String html) {
        return html.replace("&#39;", "'").replace("&#x27;", "'").replace("&apos;", "'");
    }

    private static HttpSession signedIn(HttpSession site, String account) {
        HttpSession browser = site.anotherVisitor();
        assertEquals(
                302,
                ProductChecks.signIn(browser, account, ProductChecks.DEMO_ADMIN_PASSWORD)
                        .statusCode(),
                account);
        return browser;
    }
}
