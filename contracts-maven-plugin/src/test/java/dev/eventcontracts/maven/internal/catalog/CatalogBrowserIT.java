package dev.eventcontracts.maven.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventcontracts.compat.CompatibilityChecker;
import dev.eventcontracts.devstack.browser.Chromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** The catalog of this repository's contracts, opened from a file in headless Chromium, read as a person reads it. */
@Tag("integration")
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class CatalogBrowserIT {

    private static final String CREATED = "type-" + RepoContracts.NS + "OrderCreated";
    private static final String STATUS = "type-" + RepoContracts.NS + "OrderStatus";

    private static Chromium chromium;
    private static WebDriver browser;

    @BeforeAll
    static void openCatalog() throws Exception {
        Catalog catalog =
                CatalogBuilder.build(RepoContracts.read(), "order contracts", "0.1.0", CompatibilityChecker.standard());
        Path page = Path.of("target", "catalog-browser-it", "index.html").toAbsolutePath();
        Files.createDirectories(page.getParent());
        Files.writeString(page, CatalogHtml.render(catalog));
        chromium = Chromium.start();
        browser = chromium.driver();
        browser.get(page.toUri().toString());
    }

    @AfterAll
    static void closeBrowser() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
    }

    private static WebElement byId(String id) {
        return browser.findElement(By.id(id));
    }

    @Test
    void orderEvents_listsItsThreeEventTypesWithKeyAndDeadLetterTopic() {
        WebElement topic = byId("topic-order-events");

        assertThat(topic.findElements(By.cssSelector("ul.event-types li")))
                .extracting(WebElement::getText)
                .containsExactly("OrderCreated", "OrderStatusChanged", "OrderCancelled");
        assertThat(topic.findElement(By.cssSelector("tr.dlq td")).getText()).isEqualTo("order-events.DLQ");
        assertThat(topic.findElement(By.cssSelector("tr.key td")).getText())
                .contains("orderId")
                .contains("order-events-key");
    }

    @Test
    void orderCreated_showsShippingAddressAddedInV2WithItsDefaultAndThePassingVerdict() throws Exception {
        byId("topic-order-events").findElement(By.linkText("OrderCreated")).click();
        WebElement v2 = byId(CREATED).findElement(By.cssSelector("li.release[data-release='v2']"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", v2);
        chromium.screenshot("catalog-order-created");

        WebElement added = v2.findElement(By.cssSelector("li.change[data-kind='FIELD_ADDED']"));
        assertThat(added.getText()).contains("shippingAddress").contains("default null");
        assertThat(v2.findElement(By.cssSelector(".verdict")).getText())
                .isEqualTo("passes the gate at FULL_TRANSITIVE against version 1");
        assertThat(byId(CREATED)
                        .findElement(By.cssSelector("tr[data-field='shippingAddress'] td.field-default"))
                        .getText())
                .isEqualTo("null");
    }

    @Test
    void orderStatus_v1ToV2_showsReturnedAdded() {
        WebElement v2 = byId(STATUS).findElement(By.cssSelector("li.release[data-release='v2']"));

        assertThat(v2.findElements(By.cssSelector("li.change")))
                .extracting(WebElement::getText)
                .containsExactly("symbol added RETURNED");
    }

    @Test
    void search_fieldName_listsTheFieldAndHidesTypesWithoutIt() throws Exception {
        WebElement search = byId("search");
        search.clear();
        search.sendKeys("currency");

        List<String> hits = byId("search-results").findElements(By.tagName("a")).stream()
                .map(WebElement::getText)
                .toList();
        chromium.screenshot("catalog-search");
        assertThat(hits).containsExactly("Money.currency");
        assertThat(byId(CREATED).isDisplayed()).isFalse();
        assertThat(byId("type-" + RepoContracts.NS + "Money").isDisplayed()).isTrue();
        search.clear();
        search.sendKeys(" ");
        assertThat(byId(CREATED).isDisplayed()).isTrue();
    }
}
