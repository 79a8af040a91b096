package dev.eventcontracts.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventcontracts.devstack.browser.Chromium;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The read-only registry UI at {@code /ui} in headless Chromium, on a registry with basic auth on: a reader sees the
 * subjects after a registration, searches them, opens a version's schema and the diff of two versions with the
 * compatibility engine's verdict; without credentials the page answers 401.
 */
@Tag("integration")
@Timeout(value = 3, unit = TimeUnit.MINUTES)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistryUiBrowserIT {

    private static final String V1 =
            "{\"type\":\"record\",\"name\":\"Shipment\",\"namespace\":\"dev.acme\",\"fields\":["
                    + "{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"carrier\",\"type\":\"string\"}]}";
    private static final String V2 =
            "{\"type\":\"record\",\"name\":\"Shipment\",\"namespace\":\"dev.acme\",\"fields\":["
                    + "{\"name\":\"id\",\"type\":\"string\"},"
                    + "{\"name\":\"weightGrams\",\"type\":\"long\",\"default\":0}]}";

    private RegistryServer server;
    private Rest writer;
    private Rest admin;
    private Chromium chromium;
    private WebDriver browser;

    @BeforeAll
    void start() throws Exception {
        server = TestServers.inMemory(Map.of(
                RegistryServerConfig.AUTHENTICATION_METHOD,
                "BASIC",
                RegistryServerConfig.AUTHENTICATION_USERS,
                "reader:reader-secret:read-only;writer:writer-secret:read-write;admin:admin-secret:admin"));
        Rest anonymous = new Rest(server.url());
        writer = anonymous.as("writer", "writer-secret");
        admin = anonymous.as("admin", "admin-secret");
        chromium = Chromium.start();
        chromium.signIn("reader", "reader-secret");
        browser = chromium.driver();
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(10));
    }

    @AfterAll
    void stop() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private void open(String fragment) {
        browser.get(server.url() + "/ui#" + fragment);
        browser.navigate().refresh();
    }

    @Test
    void subjects_afterARegistration_areListedAndSearchable() throws Exception {
        assertThat(writer.register("shipments-value", V1).status()).isEqualTo(200);
        assertThat(writer.register("invoices-value", "\"string\"").status()).isEqualTo(200);

        open("/");
        WebElement shipments = browser.findElement(By.cssSelector("#subjects li[data-subject='shipments-value']"));
        assertThat(shipments.getText()).isEqualTo("shipments-value");
        browser.findElement(By.id("subject-search")).sendKeys("ship");
        chromium.screenshot("registry-ui-subjects");

        assertThat(browser.findElements(By.cssSelector("#subjects li")))
                .extracting(WebElement::getText)
                .containsExactly("shipments-value");
    }

    @Test
    void version_showsThePrettyPrintedSchemaItsIdAndTheSubjectsLevelAndMode() {
        writer.register("parcels-value", V1);

        open("/subjects/parcels-value");
        assertThat(browser.findElement(By.id("level")).getText()).isEqualTo("BACKWARD");
        assertThat(browser.findElement(By.id("mode")).getText()).isEqualTo("READWRITE");
        browser.findElement(By.linkText("version 1")).click();

        String schema = browser.findElement(By.id("schema")).getText();
        assertThat(schema).startsWith("{\n  \"type\": \"record\",").contains("\"name\": \"carrier\"");
    }

    @Test
    void schemaById_isReachedFromAVersionAndNamesWhereItIsRegistered() {
        writer.register("labels-value", V2);

        open("/subjects/labels-value/versions/1");
        browser.findElement(By.cssSelector("a[href^='#/schemas/']")).click();

        assertThat(browser.findElement(By.id("used-by")).getText()).contains("labels-value version 1");
        assertThat(browser.findElement(By.id("schema")).getText()).contains("\"name\": \"weightGrams\"");
    }

    @Test
    void version_withAReference_linksToTheReferencedSubjectVersion() {
        writer.register(
                "dev.acme.Money",
                "{\"type\":\"record\",\"name\":\"Money\",\"namespace\":\"dev.acme\","
                        + "\"fields\":[{\"name\":\"cents\",\"type\":\"long\"}]}");
        com.fasterxml.jackson.databind.node.ObjectNode body =
                Rest.schemaBody("{\"type\":\"record\",\"name\":\"Invoice\","
                        + "\"namespace\":\"dev.acme\",\"fields\":[{\"name\":\"total\",\"type\":\"dev.acme.Money\"}]}");
        body.putArray("references")
                .addObject()
                .put("name", "dev.acme.Money")
                .put("subject", "dev.acme.Money")
                .put("version", 1);
        assertThat(writer.post("/subjects/billing-value/versions", body).status())
                .isEqualTo(200);

        open("/subjects/billing-value/versions/1");
        browser.findElement(By.linkText("dev.acme.Money version 1")).click();

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("dev.acme.Money version 1");
        assertThat(browser.findElement(By.id("schema")).getText()).contains("\"name\": \"cents\"");
    }

    @Test
    void diff_ofTwoVersions_showsTheFieldChangesAndTheVerdictAtTheSubjectsLevel() throws Exception {
        writer.register("deliveries-value", V1);
        assertThat(writer.register("deliveries-value", V2).status()).isEqualTo(200);
        // the level changes after the fact: removing carrier (no default) breaks FORWARD, old readers need it
        assertThat(admin.put("/config/deliveries-value", Map.of("compatibility", "FORWARD"))
                        .status())
                .isEqualTo(200);

        open("/subjects/deliveries-value");
        browser.findElement(By.id("diff-go")).click();

        WebElement verdict = browser.findElement(By.id("verdict"));
        chromium.screenshot("registry-ui-diff");
        assertThat(verdict.getText()).isEqualTo("incompatible at FORWARD");
        assertThat(browser.findElements(By.cssSelector("#changes li")))
                .extracting(WebElement::getText)
                .anySatisfy(t -> assertThat(t).startsWith("field removed").contains("carrier"))
                .anySatisfy(t -> assertThat(t).startsWith("field added").contains("weightGrams"));
        assertThat(browser.findElement(By.id("violations")).getText()).contains("carrier");
    }

    @Test
    void ui_withoutCredentials_answers401() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (String path : new String[] {"/ui", "/ui/subjects/any/diff/1/2"}) {
            HttpResponse<String> answer = client.send(
                    HttpRequest.newBuilder(URI.create(server.url() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).as(path).isEqualTo(401);
            assertThat(answer.headers().firstValue("WWW-Authenticate")).as(path).isPresent();
        }
    }
}
