package ppvchat.system;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a visitor and a console user see of a running PPV Chat with the demo site loaded, whatever runs it
 * (the one WAR on Payara Micro, the EAR on Payara Server): the same URLs, the same answers.
 */
final class ProductChecks {

    static final long DEMO_WEBMASTER = 1;
    static final String DEMO_SITE = "Starlight Advice";
    static final List<String> DEMO_PERFORMERS = List.of("Iris Vale", "Luna Starwise", "Mara Quill", "Theo Brandt");
    static final int DEMO_USERS = 8;
    static final String DEMO_ADMIN = "admin";
    static final String DEMO_ADMIN_PASSWORD = "demo-admin";

    private static final Pattern VIEW_STATE =
            Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*?value=\"([^\"]+)\"");

    private static final Pattern ASSET = Pattern.compile("(?:<link rel=\"stylesheet\" href|<script src)=\"([^\"]+)\"");

    private ProductChecks() {}

    /** {@code /health} is UP, and so is the application's own database check. */
    static void healthIsUp(HttpSession site) {
        HttpResponse<String> response = site.get("/health");
        assertEquals(200, response.statusCode(), response::body);
        JsonObject health = json(response.body()).asJsonObject();
        assertEquals("UP", health.getString("status"), response::body);
        JsonObject database = health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> "database".equals(check.getString("name", null)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no database check in " + response.body()));
        assertEquals("UP", database.getString("status"), response::body);
        assertFalse(database.getJsonObject("data").getString("schema").isBlank(), response::body);
    }

    /** The demo wall: the four performers by display name, all offline, each with a photo. Returns the JSON. */
    static JsonArray demoWall(HttpSession site) {
        HttpResponse<String> response = site.get("/api/webmasters/" + DEMO_WEBMASTER + "/performers");
        assertEquals(200, response.statusCode(), response::body);
        assertTrue(contentType(response).startsWith("application/json"), contentType(response));
        JsonArray wall = json(response.body()).asJsonArray();
        List<JsonObject> performers = wall.getValuesAs(JsonObject.class);
        assertEquals(
                DEMO_PERFORMERS,
                performers.stream().map(p -> p.getString("displayName")).toList(),
                response::body);
        assertEquals(
                DEMO_PERFORMERS.size(),
                performers.stream()
                        .map(p -> p.getJsonNumber("id").longValue())
                        .distinct()
                        .count(),
                "distinct ids: " + response.body());
        for (JsonObject performer : performers) {
            assertAll(
                    performer.getString("displayName"),
                    () -> assertEquals("offline", performer.getString("status")),
                    () -> assertFalse(performer.getString("headline").isBlank()),
                    () -> assertTrue(performer.getInt("pricePerMinute") > 0),
                    () -> assertTrue(
                            performer
                                    .getString("photoUrl")
                                    .matches("/api/webmasters/" + DEMO_WEBMASTER + "/photos/[0-9]+"),
                            performer.getString("photoUrl")));
        }
        return wall;
    }

    /** Every photo on the wall is an SVG that the browser may show but never run or sniff. */
    static void photosAreServedSafely(HttpSession site, JsonArray wall) {
        for (JsonObject performer : wall.getValuesAs(JsonObject.class)) {
            String url = performer.getString("photoUrl");
            HttpResponse<String> photo = site.get(url);
            assertAll(
                    url,
                    () -> assertEquals(200, photo.statusCode()),
                    () -> assertEquals("image/svg+xml", contentType(photo)),
                    () -> assertTrue(
                            header(photo, "Content-Security-Policy").contains("default-src 'none'"),
                            header(photo, "Content-Security-Policy")),
                    () -> assertEquals("nosniff", header(photo, "X-Content-Type-Options")),
                    () -> assertTrue(photo.body().contains("<svg"), photo.body()));
        }
    }

    static void unknownWebmasterIsJson404(HttpSession site) {
        HttpResponse<String> response = site.get("/api/webmasters/99/performers");
        assertEquals(404, response.statusCode(), response::body);
        assertTrue(contentType(response).startsWith("application/json"), contentType(response));
        JsonObject error = json(response.body()).asJsonObject();
        assertEquals(404, error.getInt("status"), response::body);
        assertEquals("no webmaster 99", error.getString("error"), response::body);
    }

    /** A photo of the demo webmaster's performer, asked for under another webmaster, is not found. */
    static void photoOfAnotherWebmasterIsNotFound(HttpSession site, JsonArray wall) {
        String own = wall.getJsonObject(0).getString("photoUrl");
        String photoId = own.substring(own.lastIndexOf('/') + 1);
        assertEquals(200, site.get(own).statusCode(), own);
        HttpResponse<String> response = site.get("/api/webmasters/" + (DEMO_WEBMASTER + 1) + "/photos/" + photoId);
        assertEquals(404, response.statusCode(), response::body);
        JsonObject error = json(response.body()).asJsonObject();
        assertEquals(404, error.getInt("status"), response::body);
        assertEquals("no photo " + photoId, error.getString("error"), response::body);
    }

    static void publicPagesAreServed(HttpSession site) {
        for (String page : List.of("/", "/demo/user.html", "/demo/performer.html")) {
            HttpResponse<String> response = site.get(page);
            assertAll(
                    page,
                    () -> assertEquals(200, response.statusCode()),
                    () -> assertTrue(contentType(response).startsWith("text/html"), contentType(response)),
                    () -> assertTrue(response.body().contains("<html"), response.body()));
        }
        for (String asset : List.of("/assets/site.css", "/client/main.js", "/client/styles.css")) {
            assertEquals(200, site.get(asset).statusCode(), asset);
        }
    }

    /**
     * The two script tags a webmaster pastes: each a loader carrying the site's settings (nothing secret),
     * never cached stale; an unknown site's script says so in the console instead of failing silently.
     */
    static void embedScriptsCarryTheSiteSettings(HttpSession site) {
        for (String kind : List.of("user", "performer")) {
            HttpResponse<String> script = site.get("/embed/" + DEMO_WEBMASTER + "/" + kind + ".js");
            assertAll(
                    kind + ".js",
                    () -> assertEquals(200, script.statusCode()),
                    () -> assertTrue(contentType(script).startsWith("text/javascript"), contentType(script)),
                    () -> assertEquals("no-cache", header(script, "Cache-Control")),
                    () -> assertEquals("nosniff", header(script, "X-Content-Type-Options")),
                    () -> assertTrue(script.body().contains("\"kind\":\"" + kind + "\""), script.body()),
                    () -> assertTrue(script.body().contains("\"siteName\":\"" + DEMO_SITE + "\""), script.body()),
                    () -> assertTrue(script.body().contains("import(config.base + '/client/main.js')"), script.body()),
                    () -> assertFalse(script.body().contains("apiSecret"), "no secret reaches a browser"));
        }
        HttpResponse<String> unknown = site.get("/embed/" + (DEMO_WEBMASTER + 1) + "/user.js");
        assertEquals(404, unknown.statusCode(), unknown::body);
        assertTrue(unknown.body().startsWith("console.error("), unknown.body());
        assertEquals(404, site.get("/embed/" + DEMO_WEBMASTER + "/admin.js").statusCode());
    }

    /**
     * Pages on the site's allowed origins may call its API from the browser (preflight answered, the origin
     * echoed); pages anywhere else are refused, with a sentence saying which setting to change.
     */
    static void theApiAnswersBrowsersOnAllowedOriginsOnly(HttpSession site, String allowedOrigin) {
        String path = "/api/webmasters/" + DEMO_WEBMASTER + "/chat/sessions";
        HttpResponse<String> allowed = site.send(
                "OPTIONS",
                path,
                "Origin",
                allowedOrigin,
                "Access-Control-Request-Method",
                "POST",
                "Access-Control-Request-Headers",
                "content-type");
        assertEquals(204, allowed.statusCode(), allowed::body);
        assertEquals(allowedOrigin, header(allowed, "Access-Control-Allow-Origin"));
        assertTrue(header(allowed, "Access-Control-Allow-Headers").contains("Authorization"));

        HttpResponse<String> foreign = site.send(
                "OPTIONS", path, "Origin", "https://elsewhere.example", "Access-Control-Request-Method", "POST");
        assertEquals(403, foreign.statusCode(), foreign::body);
        assertTrue(foreign.headers().firstValue("Access-Control-Allow-Methods").isEmpty(), "no permission");
        assertTrue(
                foreign.body().contains("pages at https://elsewhere.example")
                        && foreign.body().contains("\\\"Allowed origins\\\" in the console's Settings"),
                foreign.body());

        HttpResponse<String> wall = site.send(
                "GET", "/api/webmasters/" + DEMO_WEBMASTER + "/performers", "Origin", "https://elsewhere.example");
        assertEquals(403, wall.statusCode(), "a page elsewhere is refused before anything runs");
        assertTrue(wall.body().contains("Allowed origins"), wall.body());
        HttpResponse<String> server = site.send("GET", "/api/webmasters/" + DEMO_WEBMASTER + "/performers");
        assertEquals(200, server.statusCode(), "a call without an Origin (a server) is served");

        HttpResponse<String> module = site.send("GET", "/client/main.js", "Origin", "https://elsewhere.example");
        assertEquals(200, module.statusCode());
        assertEquals("*", header(module, "Access-Control-Allow-Origin"), "the client's code is public");
    }

    /**
     * What the client reads besides the sockets: the signed-in account with its balance, the credit packages
     * with exact prices, and the performer's own page with today's earnings (performers only).
     */
    static void clientEndpointsAnswerForTheSignedIn(HttpSession site) {
        String alice = tokenOf(site, "alice");
        String luna = tokenOf(site, "luna");
        String base = "/api/webmasters/" + DEMO_WEBMASTER;

        JsonObject me = json(site.send("GET", base + "/chat/me", "Authorization", "Bearer " + alice)
                        .body())
                .asJsonObject();
        assertEquals("alice", me.getString("username"));
        assertEquals(1_000, me.getJsonNumber("credits").longValue());
        assertEquals(1_000, me.getJsonNumber("available").longValue());
        assertEquals(401, site.get(base + "/chat/me").statusCode(), "no token, no account");
        assertEquals(
                401,
                site.send("GET", base + "/chat/me", "Authorization", "Bearer forged")
                        .statusCode());

        JsonArray packages = json(site.get(base + "/packages").body()).asJsonArray();
        assertEquals(3, packages.size(), packages::toString);
        JsonObject cheapest = packages.getJsonObject(0);
        assertEquals("10.00", cheapest.getString("price"), "money as an exact string");
        assertEquals(500, cheapest.getInt("credits"));
        assertEquals("USD", cheapest.getString("currency"));

        JsonObject desk = json(site.send("GET", base + "/performers/me", "Authorization", "Bearer " + luna)
                        .body())
                .asJsonObject();
        assertEquals("Luna Starwise", desk.getString("displayName"));
        JsonObject today = desk.getJsonObject("today");
        assertEquals("USD", today.getString("currency"));
        assertTrue(today.getString("earnings").matches("\\d+\\.\\d{2}"), today::toString);
        HttpResponse<String> notAPerformer =
                site.send("GET", base + "/performers/me", "Authorization", "Bearer " + alice);
        assertEquals(403, notAPerformer.statusCode(), notAPerformer::body);
        assertTrue(notAPerformer.body().contains("for performers"), notAPerformer.body());
    }

    private static String tokenOf(HttpSession site, String username) {
        HttpResponse<String> signedIn = site.postJson(
                "/api/webmasters/" + DEMO_WEBMASTER + "/chat/sessions",
                "{\"username\": \"" + username + "\", \"password\": \"demo-chat\"}");
        assertEquals(200, signedIn.statusCode(), signedIn::body);
        return json(signedIn.body()).asJsonObject().getString("token");
    }

    /** Only the demo site exists: no second webmaster (a demo loaded twice would make one). */
    /** The demo site was loaded once: the platform admin's list of sites names it once. */
    static void onlyTheDemoSiteExists(HttpSession site) {
        HttpSession platform = site.anotherVisitor();
        assertEquals(302, signIn(platform, "platform", DEMO_ADMIN_PASSWORD).statusCode());
        String sites = platform.get("/admin/webmasters.xhtml").body();
        assertEquals(
                1,
                Pattern.compile("Starlight Advice</td>")
                        .matcher(sites)
                        .results()
                        .count(),
                sites);
    }

    static void consoleSendsVisitorsToLogin(HttpSession site) {
        HttpResponse<String> response = site.anotherVisitor().get("/admin/index.xhtml");
        assertEquals(302, response.statusCode(), response::body);
        assertEquals(
                "/admin/login.xhtml", site.uri(header(response, "Location")).getPath(), header(response, "Location"));
    }

    /** The console's session cookie cannot be read by scripts nor sent by another site. */
    static void consoleSessionCookieIsLockedDown(HttpSession site) {
        HttpResponse<String> page = site.anotherVisitor().get("/admin/login.xhtml");
        String cookie = page.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + page.headers()));
        String attributes = cookie.toLowerCase(java.util.Locale.ROOT);
        assertTrue(attributes.contains("; httponly"), cookie);
        assertTrue(attributes.contains("; samesite=strict"), cookie);
    }

    /** The sign-in page's stylesheets and scripts load for a visitor who has not signed in yet. */
    static void signInPageAssetsArePublic(HttpSession site) {
        HttpSession visitor = site.anotherVisitor();
        HttpResponse<String> page = visitor.get("/admin/login.xhtml");
        assertEquals(200, page.statusCode(), page::body);
        Matcher asset = ASSET.matcher(page.body());
        int assets = 0;
        while (asset.find()) {
            String url = asset.group(1).replace("&amp;", "&");
            HttpResponse<String> response = visitor.get(url);
            assertEquals(200, response.statusCode(), url);
            assets++;
        }
        assertTrue(assets > 0, () -> "no stylesheet or script on " + page.body());
    }

    /** How many chat users the demo site has now, as its dashboard counts them. */
    static long consoleUserCount(HttpSession site) {
        HttpSession browser = site.anotherVisitor();
        assertEquals(302, signIn(browser, DEMO_ADMIN, DEMO_ADMIN_PASSWORD).statusCode());
        return Long.parseLong(elementText(browser.get("/admin/index.xhtml").body(), "user-count"));
    }

    /** Signs in as the demo admin (in a new session) and checks the dashboard's figures. */
    static void consoleShowsDemoDashboard(HttpSession site) {
        consoleShowsDemoDashboard(site, DEMO_USERS);
    }

    /** The dashboard's figures, once the checks have added users to the demo's (performers' logins). */
    static void consoleShowsDemoDashboard(HttpSession site, long users) {
        HttpSession browser = site.anotherVisitor();
        HttpResponse<String> signedIn = signIn(browser, DEMO_ADMIN, DEMO_ADMIN_PASSWORD);
        assertEquals(302, signedIn.statusCode(), signedIn::body);
        assertEquals(
                "/admin/index.xhtml", site.uri(header(signedIn, "Location")).getPath(), header(signedIn, "Location"));
        HttpResponse<String> dashboard = browser.get("/admin/index.xhtml");
        assertEquals(200, dashboard.statusCode(), dashboard::body);
        assertAll(
                "dashboard",
                () -> assertEquals(DEMO_SITE, elementText(dashboard.body(), "site-name")),
                () -> assertEquals(String.valueOf(users), elementText(dashboard.body(), "user-count")),
                () -> assertEquals(
                        String.valueOf(DEMO_PERFORMERS.size()), elementText(dashboard.body(), "performer-count")),
                () -> DEMO_PERFORMERS.forEach(
                        name -> assertTrue(dashboard.body().contains(name), name + " in the performer table")),
                () -> assertTrue(dashboard.body().contains("payments.xhtml"), "the menu leads to the payments"),
                () -> assertEquals("balanced", elementText(dashboard.body(), "books"), "reconciliation is clean"),
                () -> assertTrue(
                        Long.parseLong(elementText(dashboard.body(), "today-sold")) >= 0, "credits sold today"),
                () -> assertTrue(elementText(dashboard.body(), "today-revenue").matches("[0-9]+\\.[0-9]{2}")));
        HttpResponse<String> payments = browser.get("/admin/payments.xhtml");
        assertEquals(200, payments.statusCode(), payments::body);
        assertAll(
                "payments page of a site without payments: clear empty states",
                () -> assertTrue(payments.body().contains("No PayPal payments yet."), payments::body),
                () -> assertTrue(payments.body().contains("Nobody is on hold"), payments::body),
                () -> assertTrue(payments.body().contains("No disputes."), payments::body));
    }

    static void wrongPasswordIsRefused(HttpSession site) {
        HttpSession browser = site.anotherVisitor();
        HttpResponse<String> refused = signIn(browser, DEMO_ADMIN, DEMO_ADMIN_PASSWORD + "-wrong");
        assertEquals(200, refused.statusCode(), refused::body);
        assertTrue(refused.body().contains("Wrong username or password."), refused::body);
        assertEquals(302, browser.get("/admin/index.xhtml").statusCode(), "still not signed in");
    }

    /** Each demo console role sees its pages and is refused the others (403), and its menu shows only its own. */
    static void consoleRolesSeeOnlyTheirPages(HttpSession site) {
        List<String> pages = List.of(
                "index",
                "live",
                "performers",
                "users",
                "moderation",
                "reports",
                "payments",
                "payouts",
                "payouts-statement",
                "packages",
                "support",
                "settings",
                "roles",
                "webmasters");
        Map<String, List<String>> allowed = Map.of(
                "platform",
                pages,
                DEMO_ADMIN,
                pages.stream().filter(page -> !page.equals("webmasters")).toList(),
                "accountant",
                List.of("index", "reports", "payments", "payouts", "payouts-statement"),
                "moderator",
                List.of("index", "live", "moderation", "support"));
        allowed.forEach((account, mine) -> {
            HttpSession browser = site.anotherVisitor();
            assertEquals(302, signIn(browser, account, DEMO_ADMIN_PASSWORD).statusCode(), account);
            for (String page : pages) {
                HttpResponse<String> answer = browser.get("/admin/" + page + ".xhtml");
                assertEquals(mine.contains(page) ? 200 : 403, answer.statusCode(), account + " on " + page);
            }
            String menu = browser.get("/admin/index.xhtml").body();
            // The printable statement is opened from the Payouts page, not from the menu.
            for (String page : pages.subList(1, pages.size()).stream()
                    .filter(page -> !page.equals("payouts-statement"))
                    .toList()) {
                assertEquals(
                        mine.contains(page), menu.contains("id=\"nav-" + page + "\""), account + "'s menu and " + page);
            }
        });
    }

    /** Five wrong passwords for an account lock it for a while, and the page says so instead of asking again. */
    static void consoleSignInIsRateLimited(HttpSession site) {
        String username = "nobody-" + System.nanoTime();
        for (int failure = 0; failure < 5; failure++) {
            HttpResponse<String> refused = signIn(site.anotherVisitor(), username, "wrong-" + failure);
            assertTrue(refused.body().contains("Wrong username or password."), refused::body);
        }
        HttpResponse<String> locked = signIn(site.anotherVisitor(), username, "wrong-again");
        assertTrue(locked.body().contains("Too many failed sign-ins. Try again in 15 minutes."), locked::body);
    }

    /**
     * The demo admin changes the password: refused with a wrong current one, a short one or a mistyped
     * repetition; then the new one signs in and the old one does not; finally it is changed back.
     */
    static void consolePasswordCanBeChanged(HttpSession site) {
        HttpSession browser = site.anotherVisitor();
        assertEquals(302, signIn(browser, DEMO_ADMIN, DEMO_ADMIN_PASSWORD).statusCode());
        String next = "changed-" + DEMO_ADMIN_PASSWORD;
        assertTrue(changePassword(browser, "not-it", next, next).contains("The current password is not right."));
        assertTrue(
                changePassword(browser, DEMO_ADMIN_PASSWORD, "short", "short").contains("8 to 128 characters"));
        assertTrue(
                changePassword(browser, DEMO_ADMIN_PASSWORD, next, next + "x").contains("differ"));
        assertTrue(changePassword(browser, DEMO_ADMIN_PASSWORD, next, next).contains("Password changed."));

        assertEquals(302, signIn(site.anotherVisitor(), DEMO_ADMIN, next).statusCode(), "the new password");
        HttpResponse<String> old = signIn(site.anotherVisitor(), DEMO_ADMIN, DEMO_ADMIN_PASSWORD);
        assertTrue(old.body().contains("Wrong username or password."), "the old password no longer signs in");

        assertTrue(changePassword(browser, next, DEMO_ADMIN_PASSWORD, DEMO_ADMIN_PASSWORD)
                .contains("Password changed."));
        assertEquals(
                302,
                signIn(site.anotherVisitor(), DEMO_ADMIN, DEMO_ADMIN_PASSWORD).statusCode());
    }

    /**
     * The demo admin's settings page shows the site's settings and saves a change; a rule broken in one
     * field (an origin that is not one, the lowest price above the highest) is named and saves nothing.
     */
    static void consoleSettingsAreSavedWholeOrNotAtAll(HttpSession site) {
        HttpSession browser = site.anotherVisitor();
        assertEquals(302, signIn(browser, DEMO_ADMIN, DEMO_ADMIN_PASSWORD).statusCode());
        String page = browser.get("/admin/settings.xhtml").body();
        Map<String, String> form = FacesForm.fields(page, "settings");
        assertEquals("payments@starlight.example", form.get("settings:paypalEmail"), page);

        Map<String, String> broken = new java.util.HashMap<>(form);
        broken.put("settings:paypalEmail", "new-payments@starlight.example");
        broken.put("settings:allowedOrigins", form.get("settings:allowedOrigins") + "\nnot an origin");
        broken.put("settings:save", "");
        String refused = browser.postForm("/admin/settings.xhtml", broken).body();
        assertTrue(refused.contains("An origin is http(s)://host[:port]"), refused);
        Map<String, String> unchanged =
                FacesForm.fields(browser.get("/admin/settings.xhtml").body(), "settings");
        assertEquals("payments@starlight.example", unchanged.get("settings:paypalEmail"), "nothing saved");

        Map<String, String> prices = new java.util.HashMap<>(unchanged);
        prices.put("settings:minPricePerMinute", "900");
        prices.put("settings:maxPricePerMinute", "100");
        prices.put("settings:save", "");
        assertTrue(
                browser.postForm("/admin/settings.xhtml", prices).body().contains("Rates need 0 &lt; min &lt;= max"));

        Map<String, String> good = new java.util.HashMap<>(
                FacesForm.fields(browser.get("/admin/settings.xhtml").body(), "settings"));
        good.put("settings:paypalEmail", "new-payments@starlight.example");
        good.put("settings:save", "");
        String saved = browser.postForm("/admin/settings.xhtml", good).body();
        assertTrue(saved.contains("Settings saved."), saved);
        Map<String, String> after =
                FacesForm.fields(browser.get("/admin/settings.xhtml").body(), "settings");
        assertEquals("new-payments@starlight.example", after.get("settings:paypalEmail"));
        assertEquals(form.get("settings:allowedOrigins"), after.get("settings:allowedOrigins"), "the rest as it was");
        assertEquals(form.get("settings:chatCss"), after.get("settings:chatCss"));

        Map<String, String> back = new java.util.HashMap<>(after);
        back.put("settings:paypalEmail", "payments@starlight.example");
        back.put("settings:save", "");
        assertTrue(browser.postForm("/admin/settings.xhtml", back).body().contains("Settings saved."));
    }

    /**
     * The demo admin finds alice, adjusts her credits with a reason and sees the ledger entry and the new
     * balance; an adjustment without a reason is refused and changes nothing.
     */
    static void consoleAdjustsAUsersCreditsThroughTheLedger(HttpSession site) {
        HttpSession browser = site.anotherVisitor();
        assertEquals(302, signIn(browser, DEMO_ADMIN, DEMO_ADMIN_PASSWORD).statusCode());
        String results = browser.get("/admin/users.xhtml?q=ALI").body();
        Matcher link = Pattern.compile("user=([0-9]+)\"[^>]*>alice<").matcher(results);
        assertTrue(link.find(), () -> "alice among the results: " + results);
        assertFalse(results.contains(">bob<"), "only matching users");
        String path = "/admin/users.xhtml?user=" + link.group(1);
        String page = browser.get(path).body();
        long before = Long.parseLong(elementText(page, "user-credits"));

        Map<String, String> blank = new java.util.HashMap<>(FacesForm.fields(page, "adjust"));
        blank.put("adjust:credits", "25");
        blank.put("adjust:reason", "");
        blank.put("adjust:save", "");
        String refused = browser.postForm("/admin/users.xhtml", blank).body();
        assertTrue(refused.contains("An adjustment needs a reason."), refused);
        assertEquals(before, Long.parseLong(elementText(refused, "user-credits")), "nothing adjusted");

        Map<String, String> goodwill = new java.util.HashMap<>(FacesForm.fields(refused, "adjust"));
        goodwill.put("adjust:credits", "25");
        goodwill.put("adjust:reason", "goodwill <b>after</b> an outage");
        goodwill.put("adjust:save", "");
        String adjusted = browser.postForm("/admin/users.xhtml", goodwill).body();
        assertTrue(adjusted.contains("Credits adjusted."), adjusted);
        assertEquals(before + 25, Long.parseLong(elementText(adjusted, "user-credits")));
        assertTrue(
                adjusted.contains("ADJUSTMENT") && adjusted.contains("goodwill &lt;b&gt;after&lt;/b&gt; an outage"),
                "the ledger shows the entry, its reason as text: " + adjusted);
        assertEquals(before + 25, Long.parseLong(elementText(browser.get(path).body(), "user-credits")));
    }

    /**
     * The demo admin adds a package, which users then see for sale; a price with fractions of a cent is
     * refused and saves nothing; withdrawing the package takes it off sale.
     */
    static void consoleManagesCreditPackages(HttpSession site) {
        HttpSession browser = site.anotherVisitor();
        assertEquals(302, signIn(browser, DEMO_ADMIN, DEMO_ADMIN_PASSWORD).statusCode());
        String description = "Night owl " + System.nanoTime();
        Map<String, String> bad = new java.util.HashMap<>(
                FacesForm.fields(browser.get("/admin/packages.xhtml").body(), "packages"));
        bad.put("packages:credits", "700");
        bad.put("packages:price", "12.345");
        bad.put("packages:description", description);
        bad.put("packages:save", "");
        String refused = browser.postForm("/admin/packages.xhtml", bad).body();
        assertTrue(refused.contains("A price has at most two decimals"), refused);
        assertFalse(site.get("/api/webmasters/1/packages").body().contains(description), "nothing saved");

        Map<String, String> good = new java.util.HashMap<>(FacesForm.fields(refused, "packages"));
        good.put("packages:credits", "700");
        good.put("packages:price", "12.34");
        good.put("packages:description", description);
        good.put("packages:save", "");
        String saved = browser.postForm("/admin/packages.xhtml", good).body();
        assertTrue(saved.contains("Package saved."), saved);
        String onSale = site.get("/api/webmasters/1/packages").body();
        assertTrue(onSale.contains("\"price\":\"12.34\"") && onSale.contains(description), onSale);

        Matcher row = Pattern.compile(
                        "<tr[^>]*>(?:(?!</tr>).)*" + Pattern.quote(description) + "(?:(?!</tr>).)*</tr>",
                        Pattern.DOTALL)
                .matcher(saved);
        assertTrue(row.find(), "the package in the console's list");
        Matcher withdraw = Pattern.compile(
                        "<button[^>]*name=\"([^\"]+)\"[^>]*>(?:(?!</button>).)*Withdraw", Pattern.DOTALL)
                .matcher(row.group());
        assertTrue(withdraw.find(), row.group());
        Map<String, String> press = new java.util.HashMap<>(FacesForm.fields(saved, "packages"));
        press.put(withdraw.group(1), "");
        assertTrue(browser.postForm("/admin/packages.xhtml", press).body().contains("Package withdrawn"));
        assertFalse(site.get("/api/webmasters/1/packages").body().contains(description), "off sale");
    }

    private static String changePassword(HttpSession browser, String current, String next, String repeated) {
        HttpResponse<String> form = browser.get("/admin/password.xhtml");
        assertEquals(200, form.statusCode(), form::body);
        Matcher viewState = VIEW_STATE.matcher(form.body());
        assertTrue(viewState.find(), () -> "no jakarta.faces.ViewState in " + form.body());
        HttpResponse<String> answer = browser.postForm(
                "/admin/password.xhtml",
                Map.of(
                        "password",
                        "password",
                        "password:current",
                        current,
                        "password:next",
                        next,
                        "password:repeated",
                        repeated,
                        "password:submit",
                        "",
                        "jakarta.faces.ViewState",
                        viewState.group(1)));
        assertEquals(200, answer.statusCode(), answer::body);
        return answer.body();
    }

    /** Fills in and posts the console's sign-in form as a browser would; returns the answer to the post. */
    static HttpResponse<String> signIn(HttpSession browser, String username, String password) {
        HttpResponse<String> form = browser.get("/admin/login.xhtml");
        assertEquals(200, form.statusCode(), form::body);
        Matcher viewState = VIEW_STATE.matcher(form.body());
        assertTrue(viewState.find(), () -> "no jakarta.faces.ViewState in " + form.body());
        return browser.postForm(
                "/admin/login.xhtml",
                Map.of(
                        "login",
                        "login",
                        "login:username",
                        username,
                        "login:password",
                        password,
                        "login:submit",
                        "",
                        "jakarta.faces.ViewState",
                        viewState.group(1)));
    }

    static JsonStructure json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.read();
        }
    }

    private static String elementText(String html, String id) {
        Matcher element = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*>([^<]*)<")
                .matcher(html);
        assertTrue(element.find(), () -> "no element with id " + id + " in " + html);
        return element.group(1).trim();
    }

    private static String contentType(HttpResponse<?> response) {
        return header(response, "Content-Type");
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse("");
    }
}
