package ppvchat.performers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import ppvchat.accounts.boundary.ChatSignIn;
import ppvchat.accounts.boundary.SignedIn;
import ppvchat.accounts.entity.Forbidden;
import ppvchat.accounts.entity.NotSignedIn;
import ppvchat.performers.boundary.PerformerDesk;
import ppvchat.performers.boundary.PerformerRoster;
import ppvchat.performers.boundary.PerformerRoster.Details;
import ppvchat.performers.boundary.PerformerWall;
import ppvchat.performers.boundary.Photo;
import ppvchat.performers.boundary.WallEntry;
import ppvchat.performers.entity.Performer;
import ppvchat.performers.entity.PerformerStatus;
import ppvchat.persistence.TestDatabase;
import ppvchat.photos.entity.PhotoTooLarge;
import ppvchat.platform.entity.DomainException;
import ppvchat.platform.entity.NotFound;
import ppvchat.rooms.boundary.Rooms;
import ppvchat.rooms.control.LiveRooms;
import ppvchat.rooms.entity.EndReason;
import ppvchat.rooms.entity.PrivateShow;
import ppvchat.rooms.entity.ShowStatus;

/**
 * The console's performer roster on a real Payara Micro, against H2 and MariaDB: a performer created there is
 * on the wall with its price and photo and signs in on the performer page; every bad input is refused clearly
 * and saves nothing; disabling takes a performer off the wall, out of a live room and out of sign-in; and one
 * site's admins can neither see nor change another site's performers.
 */
@ExtendWith(ArquillianExtension.class)
class PerformerRosterIT {

    private static final String PASSWORD = "correct horse battery";
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @Deployment
    static WebArchive deployment() {
        TestDatabase.resetIfAsked();
        File[] libraries = new File(System.getProperty("ppv.it.libs")).listFiles((dir, name) -> name.endsWith(".jar"));
        return ShrinkWrap.create(WebArchive.class, "performers-it.war")
                .addAsLibrary(new File(System.getProperty("ppv.it.jar")))
                .addAsLibraries(Objects.requireNonNull(libraries))
                .addClasses(PerformerRosterIT.class, RosterFixtures.class, TestDatabase.class)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
    }

    @Inject
    PerformerRoster roster;

    @Inject
    PerformerWall wall;

    @Inject
    PerformerDesk desk;

    @Inject
    ChatSignIn signIn;

    @Inject
    Rooms rooms;

    @Inject
    LiveRooms live;

    @Inject
    RosterFixtures fx;

    @Test
    void aNewPerformerIsOnTheWallWithPriceAndPhotoAndSignsInOnThePerformerPage() throws IOException {
        long site = fx.site("Created", 10, 300);
        long id = roster.create(site, "nova", PASSWORD, new Details("Nova Reyes", "Palm reading", 45, null));
        long photoId = roster.addPhoto(site, id, png(2000, 1000, Color.ORANGE));

        WallEntry entry = onWall(site, id).orElseThrow();
        assertEquals("Nova Reyes", entry.displayName());
        assertEquals("Palm reading", entry.headline());
        assertEquals(45, entry.pricePerMinute());
        assertEquals(photoId, entry.avatarPhotoId());
        Photo photo = wall.photo(site, photoId);
        assertEquals("image/jpeg", photo.contentType(), "re-encoded: an opaque picture becomes a JPEG");
        BufferedImage stored = ImageIO.read(new ByteArrayInputStream(photo.content()));
        assertEquals(800, stored.getWidth(), "cut to the wall's square");
        assertEquals(800, stored.getHeight());

        SignedIn performer = signIn.signIn(site, "NOVA", PASSWORD, address());
        assertEquals("PERFORMER", performer.role());
        assertEquals(
                "Nova Reyes", desk.of(site, performer.token()).performer().displayName(), "the performer page opens");
        assertThrows(NotSignedIn.class, () -> signIn.signIn(site, "nova", "wrong password!", address()));

        PerformerRoster.Listed listed = roster.search(site, "reyes", 0, 25).get(0);
        assertEquals(id, listed.id());
        assertEquals("nova", listed.username());
        assertEquals(1, listed.photos());
        assertNull(listed.percentage(), "the site's default applies");
        assertEquals(new BigDecimal("50.00"), listed.earningPercentage());
        assertEquals(PerformerStatus.OFFLINE, listed.status());
        assertFalse(listed.disabled());
        assertEquals(1, roster.count(site, "NOV"));
        assertEquals(0, roster.count(site, "nobody"));
    }

    @Test
    void badInputIsRefusedClearlyAndSavesNothing() {
        long site = fx.site("Refusals", 10, 300);
        long existing = roster.create(site, "taken", PASSWORD, new Details("Taken", null, 20, null));
        long users = users(site);

        assertRefused("between 10 and 300", () -> create(site, "cheap", new Details("Cheap", null, 9, null)));
        assertRefused("between 10 and 300", () -> create(site, "dear", new Details("Dear", null, 301, null)));
        assertRefused("between 10 and 300", () -> create(site, "minus", new Details("Minus", null, -5, null)));
        assertRefused("price per minute", () -> create(site, "noprice", new Details("No price", null, null, null)));
        assertRefused(
                "between 0 and 100",
                () -> create(site, "greedy", new Details("Greedy", null, 20, new BigDecimal("100.01"))));
        assertRefused(
                "between 0 and 100",
                () -> create(site, "minuspc", new Details("Minus", null, 20, new BigDecimal("-1"))));
        assertRefused("display name", () -> create(site, "blank", new Details("  ", null, 20, null)));
        assertRefused("is taken", () -> create(site, "TAKEN", new Details("Again", null, 20, null)));
        assertRefused("username", () -> create(site, "a b<c>", new Details("Odd name", null, 20, null)));
        assertRefused(
                "password",
                () -> roster.create(site, "shortpw", "short", new Details("Short password", null, 20, null)));
        assertEquals(users, users(site), "no login was saved");
        assertEquals(1, roster.count(site, ""), "no performer was saved");

        Details good = new Details("Taken", null, 20, null);
        assertRefused("between 10 and 300", () -> roster.edit(site, existing, new Details("Renamed", null, 301, null)));
        assertRefused(
                "between 0 and 100",
                () -> roster.edit(site, existing, new Details("Renamed", null, 30, new BigDecimal("150"))));
        assertRefused("display name", () -> roster.edit(site, existing, new Details("x".repeat(81), null, 30, null)));
        assertRefused("headline", () -> roster.edit(site, existing, new Details("Renamed", "x".repeat(201), 30, null)));
        Performer unchanged = fx.performer(existing);
        assertEquals(good.displayName(), unchanged.displayName(), "a refused edit changes nothing");
        assertEquals(20, unchanged.pricePerMinute());
        assertNull(unchanged.percentage());

        roster.edit(site, existing, new Details(" Renamed ", "  New line ", 300, new BigDecimal("62.5")));
        Performer edited = fx.performer(existing);
        assertEquals("Renamed", edited.displayName());
        assertEquals("New line", edited.headline());
        assertEquals(300, edited.pricePerMinute());
        assertEquals(new BigDecimal("62.50"), edited.percentage());
        roster.edit(site, existing, new Details("Renamed", "", 300, null));
        assertNull(fx.performer(existing).percentage(), "empty means the site's default again");
        assertNull(fx.performer(existing).headline());
    }

    @Test
    void scriptInADisplayNameIsKeptAsTextNeverAsMarkup() {
        long site = fx.site("Script", 10, 300);
        String name = "<script>alert('x')</script> Lu & Na";
        long id = roster.create(site, "scripted", PASSWORD, new Details(name, "<b>bold</b>", 20, null));

        WallEntry entry = onWall(site, id).orElseThrow();
        assertEquals(name, entry.displayName(), "stored and served as the text it is; pages show it as text");
        assertEquals("<b>bold</b>", entry.headline());
        assertEquals(name, roster.profile(site, id).displayName());
    }

    @Test
    void photosAreCheckedByTheirBytesAndOrderedForTheWall() throws IOException {
        long site = fx.site("Photos", 10, 300);
        long id = roster.create(site, "gallery", PASSWORD, new Details("Gallery", null, 20, null));

        DomainException notAPicture = assertThrows(
                DomainException.class,
                () -> roster.addPhoto(site, id, "<?php echo 'hello'; ?>".getBytes(StandardCharsets.UTF_8)));
        assertTrue(notAPicture.getMessage().contains("not a picture"), notAPicture.getMessage());
        DomainException tooLarge = assertThrows(DomainException.class, () -> roster.addPhoto(site, id, oversize()));
        assertInstanceOf(PhotoTooLarge.class, tooLarge);
        assertTrue(tooLarge.getMessage().contains("at most 10 MB"), tooLarge.getMessage());
        assertRefused("choose a picture", () -> roster.addPhoto(site, id, new byte[0]));
        assertEquals(0, photos(id), "no refused file was saved");
        assertNull(onWall(site, id).orElseThrow().avatarPhotoId());

        long first = roster.addPhoto(site, id, png(300, 900, Color.RED));
        long second = roster.addPhoto(site, id, jpeg(640, 480, Color.BLUE));
        long third = roster.addPhoto(site, id, png(100, 100, Color.GREEN));
        assertEquals(List.of(first, second, third), roster.profile(site, id).photoIds());
        BufferedImage small =
                ImageIO.read(new ByteArrayInputStream(wall.photo(site, first).content()));
        assertEquals(300, small.getWidth(), "a small picture is cut square, never scaled up");
        assertEquals(300, small.getHeight());

        roster.putFirst(site, id, third);
        assertEquals(List.of(third, first, second), roster.profile(site, id).photoIds());
        assertEquals(third, onWall(site, id).orElseThrow().avatarPhotoId(), "the first photo is the wall's avatar");

        roster.removePhoto(site, id, third);
        assertEquals(List.of(first, second), roster.profile(site, id).photoIds());
        assertEquals(first, onWall(site, id).orElseThrow().avatarPhotoId());
        assertThrows(NotFound.class, () -> wall.photo(site, third));

        for (int i = 2; i < PerformerRoster.MAX_PHOTOS; i++) {
            roster.addPhoto(site, id, png(20, 20, Color.GRAY));
        }
        assertRefused(
                "at most " + PerformerRoster.MAX_PHOTOS, () -> roster.addPhoto(site, id, png(20, 20, Color.GRAY)));
        assertEquals(PerformerRoster.MAX_PHOTOS, photos(id));
    }

    @Test
    void aDisabledPerformerIsOffTheWallCannotSignInOrGoLiveAndALiveShowEnds() {
        long site = fx.site("Disable", 10, 300);
        long id = roster.create(site, "dimmed", PASSWORD, new Details("Dimmed", null, 60, null));
        long performerUser = fx.performerUserId(id);
        long fan = fx.user(site, "dimmed-fan", 10_000);
        SignedIn before = signIn.signIn(site, "dimmed", PASSWORD, address());

        rooms.goOnline(site, performerUser);
        rooms.enter(site, fan, id);
        long showId = rooms.requestPrivate(site, fan, id);
        rooms.accept(site, performerUser, showId);
        assertEquals(PerformerStatus.BUSY, live.statusOf(id));

        roster.disable(site, id);

        assertTrue(onWall(site, id).isEmpty(), "off the wall");
        assertEquals(PerformerStatus.OFFLINE, live.statusOf(id), "taken offline");
        PrivateShow show = fx.find(PrivateShow.class, showId);
        assertEquals(ShowStatus.ENDED, show.status(), "the running show ended");
        assertEquals(EndReason.MODERATOR, show.endReason());
        assertThrows(Forbidden.class, () -> signIn.signIn(site, "dimmed", PASSWORD, address()));
        assertThrows(Forbidden.class, () -> signIn.refresh(site, before.token()), "no session kept going");
        assertThrows(Forbidden.class, () -> desk.of(site, before.token()), "no performer page");
        assertThrows(Forbidden.class, () -> rooms.goOnline(site, performerUser), "no going live");
        PerformerRoster.Listed listed = roster.search(site, "dimmed", 0, 10).get(0);
        assertTrue(listed.disabled(), "the console still lists a disabled performer");

        roster.enable(site, id);

        assertTrue(onWall(site, id).isPresent(), "back on the wall");
        assertEquals(
                "PERFORMER", signIn.signIn(site, "dimmed", PASSWORD, address()).role());
        rooms.goOnline(site, performerUser);
        assertEquals(PerformerStatus.ONLINE, live.statusOf(id));
        rooms.goOffline(site, performerUser);
    }

    @Test
    void aResetPasswordReplacesTheOldOne() {
        long site = fx.site("Reset", 10, 300);
        long id = roster.create(site, "forgetful", PASSWORD, new Details("Forgetful", null, 20, null));

        assertRefused("password", () -> roster.resetPassword(site, id, "short"));
        assertEquals(
                "PERFORMER",
                signIn.signIn(site, "forgetful", PASSWORD, address()).role(),
                "old one unchanged");

        roster.resetPassword(site, id, "a brand new secret");

        assertThrows(NotSignedIn.class, () -> signIn.signIn(site, "forgetful", PASSWORD, address()));
        assertEquals(
                "PERFORMER",
                signIn.signIn(site, "forgetful", "a brand new secret", address())
                        .role());
    }

    @Test
    void anotherSitesAdminsNeitherSeeNorChangeAPerformer() throws IOException {
        long siteA = fx.site("Site A", 10, 300);
        long siteB = fx.site("Site B", 10, 300);
        long theirs = roster.create(siteB, "theirs", PASSWORD, new Details("Theirs", "B's own", 50, null));
        long theirPhoto = roster.addPhoto(siteB, theirs, png(50, 50, Color.PINK));
        long ours = roster.create(siteA, "ours", PASSWORD, new Details("Ours", null, 50, null));
        long ourPhoto = roster.addPhoto(siteA, ours, png(50, 50, Color.CYAN));
        byte[] picture = png(60, 60, Color.BLACK);

        List<Executable> attempts = List.of(
                () -> roster.profile(siteA, theirs),
                () -> roster.edit(siteA, theirs, new Details("Hijacked", null, 10, BigDecimal.ZERO)),
                () -> roster.disable(siteA, theirs),
                () -> roster.enable(siteA, theirs),
                () -> roster.resetPassword(siteA, theirs, "taken over by A"),
                () -> roster.addPhoto(siteA, theirs, picture),
                () -> roster.removePhoto(siteA, theirs, theirPhoto),
                () -> roster.putFirst(siteA, theirs, theirPhoto),
                () -> roster.removePhoto(siteA, ours, theirPhoto),
                () -> roster.putFirst(siteA, ours, theirPhoto),
                () -> roster.removePhoto(siteB, theirs, ourPhoto));
        for (Executable attempt : attempts) {
            assertThrows(NotFound.class, attempt);
        }

        Performer after = fx.performer(theirs);
        assertEquals("Theirs", after.displayName());
        assertEquals("B's own", after.headline());
        assertEquals(50, after.pricePerMinute());
        assertNull(after.percentage());
        assertFalse(after.isDisabled());
        assertEquals(1, photos(theirs));
        assertEquals(1, photos(ours));
        assertTrue(onWall(siteB, theirs).isPresent());
        assertEquals(
                "PERFORMER", signIn.signIn(siteB, "theirs", PASSWORD, address()).role(), "password unchanged");
        assertEquals(0, roster.count(siteA, "theirs"), "not in A's list");
        assertTrue(roster.search(siteA, "", 0, 100).stream().noneMatch(p -> p.id() == theirs));
        assertEquals(
                "the username theirs is taken on this site: choose another",
                assertThrows(DomainException.class, () -> create(siteB, "theirs", new Details("Twin", null, 20, null)))
                        .getMessage());
        roster.create(siteA, "theirs", PASSWORD, new Details("A's own Theirs", null, 20, null));
        assertEquals(1, roster.count(siteA, "theirs"), "usernames are unique per site, not across sites");
    }

    private long create(long site, String username, Details details) {
        return roster.create(site, username, PASSWORD, details);
    }

    private Optional<WallEntry> onWall(long site, long performerId) {
        return wall.of(site).stream()
                .filter(e -> e.performerId() == performerId)
                .findFirst();
    }

    private long users(long site) {
        return fx.count("SELECT COUNT(u) FROM ChatUser u WHERE u.webmasterId = :id", site);
    }

    private long photos(long performerId) {
        return fx.count("SELECT COUNT(f) FROM PerformerPhoto f WHERE f.performerId = :id", performerId);
    }

    private static void assertRefused(String says, Executable attempt) {
        DomainException refused = assertThrows(DomainException.class, attempt);
        assertNotNull(refused.getMessage());
        assertTrue(
                refused.getMessage().toLowerCase().contains(says.toLowerCase()),
                "expected a refusal about '" + says + "', got: " + refused.getMessage());
    }

    /** A distinct address per sign-in, so the per-address limit never interferes. */
    private static String address() {
        return "198.51.100." + ADDRESSES.incrementAndGet() % 250;
    }

    /** Starts as a PNG, so only its size is wrong. */
    private static byte[] oversize() throws IOException {
        byte[] picture = png(10, 10, Color.RED);
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(picture, 0, big, 0, picture.length);
        return big;
    }

    private static byte[] png(int width, int height, Color color) throws IOException {
        return picture(width, height, color, "png");
    }

    private static byte[] jpeg(int width, int height, Color color) throws IOException {
        return picture(width, height, color, "jpeg");
    }

    private static byte[] picture(int width, int height, Color color, String format) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, format, out)) {
            throw new UncheckedIOException(new IOException("no writer for " + format));
        }
        return out.toByteArray();
    }
}
