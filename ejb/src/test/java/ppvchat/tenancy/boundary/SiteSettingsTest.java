package ppvchat.tenancy.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import ppvchat.platform.entity.DomainException;
import ppvchat.tenancy.entity.Webmaster;

class SiteSettingsTest {

    private final Webmaster site = new Webmaster("Site", "EUR", new BigDecimal("0.10"), Instant.EPOCH);
    private long running;
    private final SiteSettings settings = new SiteSettings() {
        @Override
        long runningShows(long webmasterId) {
            return running;
        }
    };

    SiteSettingsTest() {
        // The boundary only finds the site; everything else is the entity's.
        settings.em = (EntityManager) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {EntityManager.class}, (proxy, method, args) -> {
                    if (method.getName().equals("find")) {
                        return site;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void externalModeKeepsTheServersAddressAndEmbedModeForgetsIt() {
        settings.integrate(1, "EXTERNAL", "  https://shop.example/ppv-api ");
        assertTrue(settings.integration(1).external());
        assertEquals("https://shop.example/ppv-api", settings.integration(1).baseUrl());

        settings.integrate(1, "EMBED", "https://ignored.example");
        assertFalse(settings.integration(1).external());
        assertEquals("EMBED", settings.integration(1).mode());
        assertNull(settings.integration(1).baseUrl());
    }

    @Test
    void badAddressesAreRefusedWithTheReasonAndChangeNothing() {
        assertRefused("EXTERNAL", "", "needs your server's address");
        assertRefused("EXTERNAL", null, "needs your server's address");
        assertRefused("EXTERNAL", "shop.example/ppv", "is not a server address");
        assertRefused("EXTERNAL", "https://", "is not a server address");
        assertRefused("EXTERNAL", "https://shop example/ppv", "one word");
        assertRefused("EXTERNAL", "http://shop.example/ppv", "must be reached over https");
        assertRefused("EXTERNAL", "ftp://shop.example/ppv", "must be reached over https");
        assertRefused("EXTERNAL", "https://shop.example/" + "a".repeat(500), "at most 500 characters");
        assertRefused("ELSEWHERE", "https://shop.example/ppv", "choose where the credits live");
        assertRefused(null, "https://shop.example/ppv", "choose where the credits live");
    }

    @Test
    void theModeDoesNotChangeUnderARunningShowButTheAddressMay() {
        settings.integrate(1, "EXTERNAL", "https://shop.example/ppv-api");
        running = 1;
        assertThrows(DomainException.class, () -> settings.integrate(1, "EMBED", ""));
        settings.integrate(1, "EXTERNAL", "https://shop.example/v2");
        assertEquals("https://shop.example/v2", settings.integration(1).baseUrl());
        running = 0;
        settings.integrate(1, "EMBED", "");
        assertEquals("EMBED", settings.integration(1).mode());
    }

    private void assertRefused(String mode, String url, String reason) {
        DomainException refused = assertThrows(DomainException.class, () -> settings.integrate(1, mode, url));
        assertTrue(refused.getMessage().contains(reason), refused.getMessage());
        assertEquals("EMBED", settings.integration(1).mode(), "nothing changed");
    }
}
