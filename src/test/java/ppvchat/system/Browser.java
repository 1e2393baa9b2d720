package ppvchat.system;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.NoSuchShadowRootException;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.FluentWait;

/**
 * One person's browser: Debian's Chromium, headless, with a fake camera and microphone, driven over
 * ChromeDriver. Everything the embed renders lives in the shadow root of its host element, so lookups go
 * there. Waits poll (the page re-renders); nothing here sleeps a fixed time.
 */
final class Browser implements AutoCloseable {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String CHROMIUM = "/usr/lib/chromium/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final String HOST = ".ppv-embed";

    private final String name;
    private final ChromeDriver driver;
    private final Path evidence;

    private Browser(String name, ChromeDriver driver, Path evidence) {
        this.name = name;
        this.driver = driver;
        this.evidence = evidence;
    }

    /** A new browser for {@code name}, in English; screenshots go to {@code evidence}. */
    static Browser open(String name, Path evidence) {
        return open(name, evidence, "en-US");
    }

    /** A new browser whose person prefers {@code language} (e.g. de-DE). */
    static Browser open(String name, Path evidence, String language) {
        try {
            Path profile = Files.createDirectories(evidence.resolve("profiles").resolve(name));
            Path tmp = Files.createDirectories(evidence.resolve("tmp"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER))
                    .usingAnyFreePort()
                    .withLogFile(
                            evidence.resolve("chromedriver-" + name + ".log").toFile())
                    // chromedriver leaves folders in the temp directory: keep them in the build's.
                    .withEnvironment(Map.of("TMPDIR", tmp.toString()))
                    .build();
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments(
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--disable-dev-shm-usage",
                    "--use-fake-device-for-media-stream",
                    "--use-fake-ui-for-media-stream",
                    "--allow-loopback-in-peer-connection",
                    "--autoplay-policy=no-user-gesture-required",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--disable-background-timer-throttling",
                    "--disable-renderer-backgrounding",
                    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost",
                    "--user-data-dir=" + profile,
                    "--window-size=1280,800",
                    "--lang=" + language);
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
            options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
            return new Browser(name, new ChromeDriver(service, options), evidence);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String name() {
        return name;
    }

    void go(URI page) {
        driver.get(page.toString());
    }

    /** Reloads the page, as a person pressing F5 or a phone bringing a tab back does. */
    void reload() {
        driver.navigate().refresh();
    }

    /** The embed's shadow root, once the client has mounted. */
    SearchContext ui() {
        return until("the chat to mount", b -> {
            List<WebElement> hosts = driver.findElements(By.cssSelector(HOST));
            return hosts.isEmpty() ? null : hosts.get(0).getShadowRoot();
        });
    }

    /** The element, waiting until it exists. */
    WebElement find(String css) {
        return until(css, b -> {
            List<WebElement> found = ui().findElements(By.cssSelector(css));
            return found.isEmpty() ? null : found.get(0);
        });
    }

    /** The element, waiting until it exists and is shown. */
    WebElement visible(String css) {
        return until(css + " shown", b -> {
            for (WebElement element : ui().findElements(By.cssSelector(css))) {
                if (element.isDisplayed()) {
                    return element;
                }
            }
            return null;
        });
    }

    List<WebElement> all(String css) {
        return ui().findElements(By.cssSelector(css));
    }

    boolean shows(String css) {
        return all(css).stream().anyMatch(WebElement::isDisplayed);
    }

    void click(String css) {
        until("click " + css, b -> {
            visible(css).click();
            return true;
        });
    }

    void type(String css, String text) {
        WebElement field = visible(css);
        field.clear();
        field.sendKeys(text);
    }

    /** The attribute, waiting until the element exists. */
    String attribute(String css, String attribute) {
        return find(css).getAttribute(attribute);
    }

    /** An element of the page itself (a console page, not the embed), waiting until it is shown. */
    WebElement onPage(String css) {
        return until(css + " shown on the page", b -> {
            for (WebElement element : driver.findElements(By.cssSelector(css))) {
                if (element.isDisplayed()) {
                    return element;
                }
            }
            return null;
        });
    }

    List<WebElement> allOnPage(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Fills a field of the page itself. */
    void fill(String css, String text) {
        WebElement field = onPage(css);
        field.clear();
        field.sendKeys(text);
    }

    /** Presses a button or link of the page itself and waits for the next page to load. */
    void press(String css) {
        WebElement pressed = onPage(css);
        pressed.click();
        until("the page after " + css, b -> {
            try {
                pressed.isEnabled();
                return null;
            } catch (org.openqa.selenium.StaleElementReferenceException gone) {
                return "complete".equals(b.script("return document.readyState;")) ? true : null;
            }
        });
    }

    /** The page's text as a person reads it. */
    String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Files the browser downloads from now on go to {@code folder}. */
    void downloadTo(Path folder) {
        driver.executeCdpCommand(
                "Page.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", folder.toString()));
    }

    /** The text of the embed as a person reads it (what is shown, in the shadow root). */
    String text() {
        return (String) script("return arguments[0].shadowRoot.textContent;", driver.findElement(By.cssSelector(HOST)));
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** A script that answers by calling its last argument (a promise's result, say). */
    Object asyncScript(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, arguments);
    }

    /** The client's own report: its view, its part, and each peer connection's codec and frames. */
    JsonObject diagnostics() {
        Object answer = ((JavascriptExecutor) driver)
                .executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + "document.querySelector('" + HOST + "').ppvDiagnostics()"
                        + ".then(d => done(JSON.stringify(d)), e => done(JSON.stringify({error: String(e)})));");
        try (var reader = Json.createReader(new StringReader(String.valueOf(answer)))) {
            return reader.readObject();
        }
    }

    /** The durations (ms) of every measure of that name the page took. */
    List<Double> measures(String measure) {
        @SuppressWarnings("unchecked")
        List<Object> durations = (List<Object>)
                script("return performance.getEntriesByName(arguments[0], 'measure').map(m => m.duration);", measure);
        return durations.stream().map(d -> ((Number) d).doubleValue()).toList();
    }

    /**
     * Clicks {@code css} in the window the page opened (a popup such as PayPal's), outside the shadow root
     * (the popup is an ordinary page), after a screenshot of it; then returns to the page.
     */
    void clickInPopup(String css, String screenshotTitle) {
        String page = driver.getWindowHandle();
        String popup = until("a popup window", b -> driver.getWindowHandles().stream()
                .filter(handle -> !handle.equals(page))
                .findFirst()
                .orElse(null));
        driver.switchTo().window(popup);
        try {
            until("the popup's " + css, b -> !driver.findElements(By.cssSelector(css))
                    .isEmpty());
            screenshot(screenshotTitle);
            driver.findElement(By.cssSelector(css)).click();
        } finally {
            driver.switchTo().window(page);
        }
    }

    /** Whether the page's popups have all closed. */
    boolean popupsClosed() {
        return driver.getWindowHandles().size() == 1;
    }

    /** Waits until {@code condition} answers something other than null or false, and answers it. */
    <T> T until(String what, Function<Browser, T> condition) {
        return until(what, PATIENCE, condition);
    }

    <T> T until(String what, Duration patience, Function<Browser, T> condition) {
        return new FluentWait<>(this)
                .withTimeout(patience)
                .pollingEvery(Duration.ofMillis(150))
                .ignoring(NoSuchElementException.class)
                .ignoring(StaleElementReferenceException.class)
                .ignoring(NoSuchShadowRootException.class)
                .withMessage(() -> name + ": waited " + patience.toSeconds() + " s for " + what)
                .until(condition);
    }

    /** The page as a phone shows it (390×844, touch), or as a desktop does again. */
    void phone(boolean phone) {
        if (phone) {
            driver.executeCdpCommand(
                    "Emulation.setDeviceMetricsOverride",
                    Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
            driver.executeCdpCommand(
                    "Emulation.setTouchEmulationEnabled", Map.of("enabled", true, "maxTouchPoints", 5));
        } else {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", false));
        }
    }

    /** A screenshot of the whole page (beyond the window too), kept with the build's evidence; answers its path. */
    Path screenshot(String title) {
        try {
            Path file = Files.createDirectories(evidence.resolve("screenshots")).resolve(title + ".png");
            Map<String, Object> layout = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
            @SuppressWarnings("unchecked")
            Map<String, Number> content = (Map<String, Number>) layout.get("cssContentSize");
            Map<String, Object> shot = driver.executeCdpCommand(
                    "Page.captureScreenshot",
                    Map.of(
                            "format",
                            "png",
                            "captureBeyondViewport",
                            true,
                            "clip",
                            Map.of(
                                    "x", 0,
                                    "y", 0,
                                    "width", content.get("width"),
                                    "height", content.get("height"),
                                    "scale", 1)));
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The browser console's messages, for a failure's report. */
    String console() {
        try {
            return String.join(
                    "\n",
                    driver.manage().logs().get("browser").getAll().stream()
                            .map(Object::toString)
                            .toList());
        } catch (WebDriverException e) {
            return "(no console log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
