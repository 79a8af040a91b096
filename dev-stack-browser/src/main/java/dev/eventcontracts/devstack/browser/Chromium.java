package dev.eventcontracts.devstack.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The system's headless Chromium, driven through the system's chromedriver (Debian's {@code chromium} and
 * {@code chromium-driver}), both found on the {@code PATH} at run time: Selenium Manager cannot download a driver
 * here, and giving it both executables keeps it from trying. Where either is missing, the test is reported skipped
 * with that reason, never passed.
 *
 * <pre>{@code
 * try (Chromium chromium = Chromium.start()) {
 *     chromium.driver().get(url);
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public final class Chromium implements AutoCloseable {

    private final ChromeDriver driver;
    private final Path profile;

    private Chromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /**
     * Starts a fresh browser with its own profile; skips the calling test when Chromium is not installed.
     *
     * @return the running browser; the caller closes it
     * @throws IOException when its profile directory cannot be created
     */
    public static Chromium start() throws IOException {
        Optional<Path> browser = onPath("chromium", "chromium-browser");
        Optional<Path> driverExecutable = onPath("chromedriver");
        Assumptions.assumeTrue(
                browser.isPresent() && driverExecutable.isPresent(),
                "Chromium or chromedriver is not on the PATH: install the Debian packages chromium and "
                        + "chromium-driver (.ci/run does when they are missing)");
        Path profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions()
                .setBinary(browser.get().toFile())
                .addArguments(
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--no-first-run",
                        "--window-size=1280,900",
                        "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driverExecutable.get().toFile())
                .usingAnyFreePort()
                .build();
        return new Chromium(new ChromeDriver(service, options), profile);
    }

    /**
     * Returns the WebDriver that drives this browser; it is also a {@code JavascriptExecutor} and a
     * {@code TakesScreenshot}.
     *
     * @return the driver; never null
     */
    public WebDriver driver() {
        return driver;
    }

    /**
     * Sends these HTTP basic credentials with every request the page makes, as a signed-in person's browser does.
     *
     * @param user the user name; never null
     * @param password the password; never null
     */
    public void signIn(String user, String password) {
        String token = java.util.Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        driver.executeCdpCommand("Network.enable", java.util.Map.of());
        driver.executeCdpCommand(
                "Network.setExtraHTTPHeaders",
                java.util.Map.of("headers", java.util.Map.of("Authorization", "Basic " + token)));
    }

    /**
     * Writes what the browser shows to {@code target/screenshots/<name>.png} of the module under test.
     *
     * @param name the file name without extension; never null
     * @throws IOException when the file cannot be written
     */
    public void screenshot(String name) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    private static Optional<Path> onPath(String... names) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Arrays.stream(path.split(File.pathSeparator))
                .flatMap(dir -> Arrays.stream(names).map(n -> Path.of(dir, n)))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** Quits the browser and deletes its profile. */
    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(f -> f.toFile().delete());
            }
        }
    }
}
