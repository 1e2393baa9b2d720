package ppvchat.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * The console's Performers page driven as a browser drives it, as the demo site's admin: Faces form posts
 * that create a performer, are refused for bad input, disable and enable; and a multipart upload of a photo
 * that then shows on the public wall. Each check leaves a new performer behind, named so it cannot collide.
 */
final class ConsolePerformersChecks {

    private static final String PAGE = "/admin/performers.xhtml";
    private static final String WALL = "/api/webmasters/" + ProductChecks.DEMO_WEBMASTER + "/performers";
    private static final Pattern PERFORMER_ID = Pattern.compile("\\(#([0-9]+),");

    private ConsolePerformersChecks() {}

    /**
     * Bad prices, a percentage over 100 and a taken username are refused with a clear message and save
     * nothing; script in a display name is shown as text; the new login signs in on the performer page;
     * disabling takes the performer off the wall and out of sign-in, enabling brings them back.
     */
    static void consoleManagesPerformers(HttpSession site) {
        HttpSession browser = admin(site);
        String handle = "perf" + Long.toString(System.nanoTime(), 36);
        String name = "<script>alert(1)</script> Nova " + handle;

        String page = browser.get(PAGE).body();
        assertRefused(browser, page, handle, name, "0", "", "Price must be between");
        assertRefused(browser, page, handle, name, "-5", "", "Price must be between");
        assertRefused(browser, page, handle, name, "100000", "", "Price must be between");
        assertRefused(browser, page, handle, name, "abc", "", "The price a minute is a whole number of credits.");
        assertRefused(browser, page, handle, name, "30", "101", "A percentage is between 0 and 100.");
        assertRefused(browser, page, "luna", name, "30", "", "The username luna is taken on this site");
        assertFalse(site.get(WALL).body().contains(handle), "nothing saved");

        String created = create(browser, browser.get(PAGE).body(), handle, name, "30", "55");
        assertTrue(created.contains("Performer created"), created);
        assertTrue(created.contains("&lt;script&gt;alert(1)&lt;/script&gt; Nova"), "the name is shown as text");
        assertFalse(created.contains("<script>alert(1)"), "never as markup");
        String wall = site.get(WALL).body();
        assertTrue(wall.contains(handle) && wall.contains("\"pricePerMinute\":30"), wall);
        assertEquals(200, chatSignIn(site, handle).statusCode(), "the new login signs in");

        String disabled = press(browser, created, "login", "Disable performer");
        assertTrue(disabled.contains("Performer disabled"), disabled);
        assertFalse(site.get(WALL).body().contains(handle), "off the wall");
        HttpResponse<String> refused = chatSignIn(site, handle);
        assertEquals(403, refused.statusCode(), refused::body);
        assertTrue(refused.body().contains("disabled"), refused.body());

        String enabled = press(browser, disabled, "login", "Enable performer");
        assertTrue(enabled.contains("Performer enabled"), enabled);
        assertTrue(site.get(WALL).body().contains(handle), "back on the wall");
        assertEquals(200, chatSignIn(site, handle).statusCode());

        // leaves the demo wall as it was for the checks after this one
        assertTrue(press(browser, enabled, "login", "Disable performer").contains("Performer disabled"));
    }

    /**
     * A photo uploaded through the page's multipart form shows on the wall; a file that is not a picture is
     * refused with a clear message. Needs a {@code <multipart-config>} on the Faces servlet.
     */
    static void consoleUploadsPerformerPhotos(HttpSession site) {
        HttpSession browser = admin(site);
        String handle = "photo" + Long.toString(System.nanoTime(), 36);
        String created = create(browser, browser.get(PAGE).body(), handle, "Photo " + handle, "40", "");
        assertTrue(created.contains("No photos yet"), created);

        String notAPicture = upload(browser, created, "notes.jpg", "just text".getBytes(StandardCharsets.UTF_8));
        assertTrue(notAPicture.contains("This file is not a picture we can read"), notAPicture);

        String uploaded = upload(browser, notAPicture, "face.png", png());
        assertTrue(uploaded.contains("Photo added"), uploaded);
        String wall = site.get(WALL).body();
        Matcher tile = Pattern.compile("\\{[^}]*" + handle + "[^}]*\\}").matcher(wall);
        assertTrue(tile.find(), wall);
        Matcher photo = Pattern.compile("\"photoUrl\":\"([^\"]+)\"").matcher(tile.group());
        assertTrue(photo.find(), "the wall shows the photo: " + tile.group());
        HttpResponse<byte[]> bytes = site.getBytes(photo.group(1).replaceFirst("^https?://[^/]+", ""));
        assertEquals(200, bytes.statusCode());
        assertEquals("image/jpeg", bytes.headers().firstValue("Content-Type").orElse(""));

        // leaves the demo wall as it was for the checks after this one
        assertTrue(press(browser, uploaded, "login", "Disable performer").contains("Performer disabled"));
    }

    private static HttpSession admin(HttpSession site) {
        HttpSession browser = site.anotherVisitor();
        assertEquals(
                302,
                ProductChecks.signIn(browser, ProductChecks.DEMO_ADMIN, ProductChecks.DEMO_ADMIN_PASSWORD)
                        .statusCode());
        return browser;
    }

    private static void assertRefused(
            HttpSession browser, String page, String handle, String name, String price, String percent, String says) {
        String answer = create(browser, page, handle, name, price, percent);
        assertTrue(answer.contains(says), () -> "expected '" + says + "' in " + answer);
        assertFalse(answer.contains("Performer created"), answer);
    }

    private static String create(
            HttpSession browser, String page, String handle, String name, String price, String percent) {
        Map<String, String> fields = new HashMap<>(FacesForm.fields(page, "details"));
        fields.put("details:username", handle);
        fields.put("details:password", "performer-" + handle);
        fields.put("details:displayName", name);
        fields.put("details:headline", "Readings by " + handle);
        fields.put("details:price", price);
        fields.put("details:percentage", percent);
        fields.put("details:save", "");
        return browser.postForm(PAGE, fields).body();
    }

    private static HttpResponse<String> chatSignIn(HttpSession site, String handle) {
        return site.postJson(
                "/api/webmasters/" + ProductChecks.DEMO_WEBMASTER + "/chat/sessions",
                "{\"username\":\"" + handle + "\",\"password\":\"performer-" + handle + "\"}");
    }

    /** Presses the button labelled {@code label} in form {@code form}, confirmations being the browser's part. */
    private static String press(HttpSession browser, String page, String form, String label) {
        Matcher button = Pattern.compile(
                        "<button[^>]*name=\"(" + form + ":[^\"]+)\"[^>]*>(?:(?!</button>).)*" + Pattern.quote(label),
                        Pattern.DOTALL)
                .matcher(page);
        assertTrue(button.find(), () -> "no button " + label + " in " + page);
        Map<String, String> fields = new HashMap<>(FacesForm.fields(page, form));
        fields.put(button.group(1), "");
        return browser.postForm(PAGE, fields).body();
    }

    /** Posts the upload form as multipart/form-data, the picture in its file field. */
    private static String upload(HttpSession browser, String page, String fileName, byte[] content) {
        Matcher file = Pattern.compile("<input[^>]*type=\"file\"[^>]*>").matcher(page);
        assertTrue(file.find(), () -> "no file field in " + page);
        Matcher name = Pattern.compile("name=\"([^\"]+)\"").matcher(file.group());
        assertTrue(name.find(), file.group());
        Map<String, String> fields = new HashMap<>(FacesForm.fields(page, "upload"));
        fields.remove(name.group(1));
        fields.put("upload:send", "");
        String boundary = "----performers" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((key, value) -> write(
                body,
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + key + "\"\r\n\r\n" + value + "\r\n"));
        write(
                body,
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name.group(1) + "\"; filename=\""
                        + fileName + "\"\r\nContent-Type: image/jpeg\r\n\r\n");
        body.writeBytes(content);
        write(body, "\r\n--" + boundary + "--\r\n");
        HttpResponse<String> answer = browser.postBytes(
                PAGE, body.toByteArray(), "Content-Type", "multipart/form-data; boundary=" + boundary);
        assertEquals(200, answer.statusCode(), answer::body);
        return answer.body();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] png() {
        BufferedImage image = new BufferedImage(1200, 900, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x5b3cc4));
        g.fillRect(0, 0, 1200, 900);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
