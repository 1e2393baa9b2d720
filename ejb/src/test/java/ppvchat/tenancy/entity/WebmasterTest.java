package ppvchat.tenancy.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import ppvchat.TestEntities;
import ppvchat.accounts.entity.Permission;
import ppvchat.accounts.entity.Role;
import ppvchat.platform.entity.DomainException;

class WebmasterTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private static Webmaster webmaster(String creditValue) {
        return new Webmaster("Site", "EUR", new BigDecimal(creditValue), TestEntities.SECRET, NOW);
    }

    @Test
    void newWebmasterHasSensibleDefaults() {
        Webmaster webmaster = new Webmaster("  My Site ", "USD", new BigDecimal("0.02"), TestEntities.SECRET, NOW);

        assertNull(webmaster.id());
        assertEquals("My Site", webmaster.name());
        assertEquals("USD", webmaster.currency());
        assertEquals(IntegrationMode.EMBED, webmaster.mode());
        assertEquals(new BigDecimal("50.00"), webmaster.defaultPercentage());
        assertEquals(1, webmaster.minPricePerMinute());
        assertEquals(1000, webmaster.maxPricePerMinute());
        assertEquals(List.of(60, 30, 10), webmaster.billing().warningSecondsLeft());
        assertEquals(CreditRounding.UP, webmaster.billing().rounding());
        assertEquals(NOW, webmaster.createdAt());
    }

    @Test
    void rejectsInvalidConstructorArguments() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new Webmaster(" ", "EUR", BigDecimal.ONE, TestEntities.SECRET, NOW));
        assertThrows(
                IllegalArgumentException.class,
                () -> new Webmaster("Site", "XYZW", BigDecimal.ONE, TestEntities.SECRET, NOW));
        assertThrows(
                IllegalArgumentException.class,
                () -> new Webmaster("Site", "EUR", BigDecimal.ZERO, TestEntities.SECRET, NOW));
        assertThrows(
                IllegalArgumentException.class,
                () -> new Webmaster("Site", "EUR", new BigDecimal("-0.01"), TestEntities.SECRET, NOW));
        assertThrows(NullPointerException.class, () -> new Webmaster("Site", "EUR", BigDecimal.ONE, null, NOW));
    }

    @Test
    void priceOfCreditsIsExactToTheCent() {
        Webmaster webmaster = webmaster("0.02");

        assertEquals(new BigDecimal("10.00"), webmaster.priceOf(500));
        assertEquals(new BigDecimal("0.02"), webmaster.priceOf(1));
        assertEquals(new BigDecimal("0.00"), webmaster.priceOf(0));
        assertEquals(2, webmaster.priceOf(123).scale());
        assertEquals(new BigDecimal("2.46"), webmaster.priceOf(123));
    }

    @Test
    void priceOfRoundsHalfUpToCents() {
        Webmaster webmaster = webmaster("0.016667");

        assertEquals(new BigDecimal("10.00"), webmaster.priceOf(600)); // 10.000200
        assertEquals(new BigDecimal("0.02"), webmaster.priceOf(1)); // 0.016667
        assertEquals(new BigDecimal("0.05"), webmaster.priceOf(3)); // 0.050001
        assertEquals(new BigDecimal("0.01"), webmaster("0.005").priceOf(1)); // exactly half a cent
        assertEquals(new BigDecimal("0.00"), webmaster("0.004999").priceOf(1));
    }

    @Test
    void priceOfLargeAmountsIsExact() {
        assertEquals(new BigDecimal("16667000000.00"), webmaster("0.016667").priceOf(1_000_000_000_000L));
    }

    @Test
    void defaultPermissions() {
        Webmaster webmaster = webmaster("0.02");

        for (Permission permission : Permission.values()) {
            assertTrue(webmaster.permits(Role.ADMIN, permission), "ADMIN " + permission);
            assertTrue(webmaster.permits(Role.MODERATOR, permission), "MODERATOR " + permission);
        }
        assertTrue(webmaster.permits(Role.USER, Permission.TIP));
        assertTrue(webmaster.permits(Role.USER, Permission.REQUEST_PRIVATE));
        assertTrue(webmaster.permits(Role.USER, Permission.PUBLIC_CHAT));
        assertFalse(webmaster.permits(Role.USER, Permission.KICK));
        assertFalse(webmaster.permits(Role.USER, Permission.BAN));
        assertTrue(webmaster.permits(Role.PERFORMER, Permission.PUBLIC_CHAT));
        assertTrue(webmaster.permits(Role.PERFORMER, Permission.KICK));
        assertFalse(webmaster.permits(Role.PERFORMER, Permission.BAN));

        for (Role role : List.of(Role.PERFORMER, Role.USER, Role.GUEST)) {
            assertFalse(webmaster.permits(role, Permission.LIVE_TYPING), role.name());
        }
        for (Permission permission : Permission.values()) {
            assertFalse(webmaster.permits(Role.GUEST, permission), "GUEST " + permission);
        }
        assertEquals(2 * Permission.values().length + 5, webmaster.grants().size());
    }

    @Test
    void liveTypingIsNeverGrantedToUsersOrGuests() {
        Webmaster webmaster = webmaster("0.02");

        assertThrows(IllegalArgumentException.class, () -> webmaster.grant(Role.USER, Permission.LIVE_TYPING));
        assertThrows(IllegalArgumentException.class, () -> webmaster.grant(Role.GUEST, Permission.LIVE_TYPING));
        assertFalse(webmaster.permits(Role.USER, Permission.LIVE_TYPING));
        assertFalse(webmaster.permits(Role.GUEST, Permission.LIVE_TYPING));
    }

    @Test
    void liveTypingMayBeGrantedToPerformers() {
        Webmaster webmaster = webmaster("0.02");

        webmaster.grant(Role.PERFORMER, Permission.LIVE_TYPING);

        assertTrue(webmaster.permits(Role.PERFORMER, Permission.LIVE_TYPING));
    }

    @Test
    void grantAndRevoke() {
        Webmaster webmaster = webmaster("0.02");
        int before = webmaster.grants().size();

        webmaster.grant(Role.GUEST, Permission.PUBLIC_CHAT);
        webmaster.grant(Role.GUEST, Permission.PUBLIC_CHAT);
        assertTrue(webmaster.permits(Role.GUEST, Permission.PUBLIC_CHAT));
        assertEquals(before + 1, webmaster.grants().size());

        webmaster.revoke(Role.USER, Permission.TIP);
        assertFalse(webmaster.permits(Role.USER, Permission.TIP));
        assertTrue(webmaster.permits(Role.USER, Permission.REQUEST_PRIVATE));
        assertEquals(before, webmaster.grants().size());
    }

    @Test
    void grantsViewIsACopy() {
        Webmaster webmaster = webmaster("0.02");

        assertThrows(
                UnsupportedOperationException.class, () -> webmaster.grants().clear());
        assertTrue(webmaster.permits(Role.USER, Permission.TIP));
    }

    @Test
    void noOriginIsAllowedWhileNoneAreConfigured() {
        Webmaster webmaster = webmaster("0.02");

        assertEquals(List.of(), webmaster.allowedOrigins());
        assertFalse(webmaster.allowsOrigin("http://localhost:8080"));
        assertFalse(webmaster.allowsOrigin(null));

        webmaster.allowOrigins(List.of());
        assertFalse(webmaster.allowsOrigin("http://localhost:8080"));
    }

    @Test
    void originsMatchExactlyButIgnoringCase() {
        Webmaster webmaster = webmaster("0.02");
        webmaster.allowOrigins(List.of("http://localhost:8080", " https://Shop.Example "));

        assertEquals(List.of("http://localhost:8080", "https://shop.example"), webmaster.allowedOrigins());
        assertTrue(webmaster.allowsOrigin("http://localhost:8080"));
        assertTrue(webmaster.allowsOrigin("HTTP://LOCALHOST:8080"));
        assertTrue(webmaster.allowsOrigin("https://shop.example"));
        assertTrue(webmaster.allowsOrigin("https://SHOP.example"));

        assertFalse(webmaster.allowsOrigin("http://evil.example"));
        assertFalse(webmaster.allowsOrigin("http://localhost"));
        assertFalse(webmaster.allowsOrigin("http://localhost:8081"));
        assertFalse(webmaster.allowsOrigin("https://localhost:8080"));
        assertFalse(webmaster.allowsOrigin("http://localhost:8080.evil.example"));
        assertFalse(webmaster.allowsOrigin("http://evil.example/http://localhost:8080"));
        assertFalse(webmaster.allowsOrigin("http://shop.example"));
        assertFalse(webmaster.allowsOrigin("https://shop.example.evil"));
        assertFalse(webmaster.allowsOrigin("https://sub.shop.example"));
        assertFalse(webmaster.allowsOrigin(""));
        assertFalse(webmaster.allowsOrigin("null"));
    }

    @Test
    void allowOriginsRejectsAnythingButSchemeHostAndPort() {
        Webmaster webmaster = webmaster("0.02");
        webmaster.allowOrigins(List.of("http://localhost:8080"));

        assertThrows(
                IllegalArgumentException.class, () -> webmaster.allowOrigins(List.of("http://localhost:8080/chat")));
        assertThrows(IllegalArgumentException.class, () -> webmaster.allowOrigins(List.of("http://localhost:8080/")));
        assertThrows(IllegalArgumentException.class, () -> webmaster.allowOrigins(List.of("localhost:8080")));
        assertThrows(IllegalArgumentException.class, () -> webmaster.allowOrigins(List.of("shop.example")));
        assertThrows(
                IllegalArgumentException.class,
                () -> webmaster.allowOrigins(List.of("https://ok.example", "https://bad.example/path")));

        // A rejected list leaves the previous one in force.
        assertEquals(List.of("http://localhost:8080"), webmaster.allowedOrigins());
        assertTrue(webmaster.allowsOrigin("http://localhost:8080"));
        assertFalse(webmaster.allowsOrigin("https://ok.example"));
    }

    @Test
    void allowOriginsReplacesThePreviousList() {
        Webmaster webmaster = webmaster("0.02");
        webmaster.allowOrigins(List.of("http://localhost:8080"));

        webmaster.allowOrigins(List.of("https://shop.example"));

        assertFalse(webmaster.allowsOrigin("http://localhost:8080"));
        assertTrue(webmaster.allowsOrigin("https://shop.example"));
    }

    @Test
    void acceptsRatesWithinTheLimitsInclusive() {
        Webmaster webmaster = webmaster("0.02");
        assertTrue(webmaster.acceptsRate(1));
        assertTrue(webmaster.acceptsRate(1000));
        assertFalse(webmaster.acceptsRate(0));
        assertFalse(webmaster.acceptsRate(1001));

        webmaster.limitRates(10, 20);

        assertEquals(10, webmaster.minPricePerMinute());
        assertEquals(20, webmaster.maxPricePerMinute());
        assertFalse(webmaster.acceptsRate(9));
        assertTrue(webmaster.acceptsRate(10));
        assertTrue(webmaster.acceptsRate(15));
        assertTrue(webmaster.acceptsRate(20));
        assertFalse(webmaster.acceptsRate(21));
    }

    @Test
    void limitRatesAllowsASingleRate() {
        Webmaster webmaster = webmaster("0.02");

        webmaster.limitRates(30, 30);

        assertTrue(webmaster.acceptsRate(30));
        assertFalse(webmaster.acceptsRate(29));
        assertFalse(webmaster.acceptsRate(31));
    }

    @Test
    void limitRatesRejectsBadLimitsAndKeepsTheOldOnes() {
        Webmaster webmaster = webmaster("0.02");
        webmaster.limitRates(10, 20);

        assertThrows(IllegalArgumentException.class, () -> webmaster.limitRates(0, 20));
        assertThrows(IllegalArgumentException.class, () -> webmaster.limitRates(-5, 20));
        assertThrows(IllegalArgumentException.class, () -> webmaster.limitRates(21, 20));

        assertEquals(10, webmaster.minPricePerMinute());
        assertEquals(20, webmaster.maxPricePerMinute());
    }

    @Test
    void changeDefaultPercentageNormalisesToTwoDecimals() {
        Webmaster webmaster = webmaster("0.02");

        webmaster.changeDefaultPercentage(new BigDecimal("37.5"));
        assertEquals(new BigDecimal("37.50"), webmaster.defaultPercentage());

        webmaster.changeDefaultPercentage(new BigDecimal("100"));
        assertEquals(new BigDecimal("100.00"), webmaster.defaultPercentage());

        webmaster.changeDefaultPercentage(BigDecimal.ZERO);
        assertEquals(new BigDecimal("0.00"), webmaster.defaultPercentage());

        webmaster.changeDefaultPercentage(new BigDecimal("12.340"));
        assertEquals(new BigDecimal("12.34"), webmaster.defaultPercentage());
    }

    @Test
    void changeDefaultPercentageRejectsOutOfRangeOrTooPrecise() {
        Webmaster webmaster = webmaster("0.02");
        webmaster.changeDefaultPercentage(new BigDecimal("40"));

        assertThrows(IllegalArgumentException.class, () -> webmaster.changeDefaultPercentage(new BigDecimal("100.01")));
        assertThrows(IllegalArgumentException.class, () -> webmaster.changeDefaultPercentage(new BigDecimal("-0.01")));
        assertThrows(IllegalArgumentException.class, () -> webmaster.changeDefaultPercentage(new BigDecimal("12.345")));
        assertThrows(IllegalArgumentException.class, () -> webmaster.changeDefaultPercentage(null));

        assertEquals(new BigDecimal("40.00"), webmaster.defaultPercentage());
    }

    @Test
    void integrateExternallyOverHttpOrHttps() {
        Webmaster webmaster = webmaster("0.02");

        webmaster.integrateExternally(URI.create("https://shop.example/ppv"));
        assertEquals(IntegrationMode.EXTERNAL, webmaster.mode());
        assertEquals("https://shop.example/ppv", webmaster.externalBaseUrl());

        webmaster.integrateExternally(URI.create("http://localhost:9090"));
        assertEquals("http://localhost:9090", webmaster.externalBaseUrl());

        webmaster.integrateEmbedded();
        assertEquals(IntegrationMode.EMBED, webmaster.mode());
        assertNull(webmaster.externalBaseUrl());
    }

    @Test
    void integrateExternallyRejectsPlainHttpElsewhereOtherSchemesAndSecretsInTheAddress() {
        Webmaster webmaster = webmaster("0.02");

        for (String url : List.of(
                "ftp://shop.example",
                "file:///etc/passwd",
                "javascript:alert(1)",
                "/relative",
                "http://shop.example/ppv",
                "https://user:secret@shop.example/ppv",
                "https://shop.example/ppv?token=x")) {
            assertThrows(DomainException.class, () -> webmaster.integrateExternally(URI.create(url)), url);
        }
        assertEquals(IntegrationMode.EMBED, webmaster.mode());
        assertNull(webmaster.externalBaseUrl());
    }

    @Test
    void changeBillingReplacesThePolicy() {
        Webmaster webmaster = webmaster("0.02");
        BillingPolicy policy = new BillingPolicy(0, 10, 5, List.of(20), CreditRounding.DOWN);

        webmaster.changeBilling(policy);

        assertSame(policy, webmaster.billing());
        assertThrows(NullPointerException.class, () -> webmaster.changeBilling(null));
        assertSame(policy, webmaster.billing());
    }

    @Test
    void equalityIsByIdOnceAssigned() {
        Webmaster first = TestEntities.webmaster(1);
        Webmaster sameId = TestEntities.webmaster(1);
        Webmaster other = TestEntities.webmaster(2);
        Webmaster unsaved = webmaster("0.02");

        assertEquals(first, sameId);
        assertEquals(first.hashCode(), sameId.hashCode());
        assertFalse(first.equals(other));
        assertFalse(unsaved.equals(webmaster("0.02")));
        assertFalse(unsaved.equals(first));
    }

    @Test
    void anEntityEqualsItselfBeforeItIsPersisted() {
        Webmaster unsaved = webmaster("0.02");

        assertEquals(unsaved, unsaved);
        assertTrue(List.of(unsaved).contains(unsaved));
    }
}
