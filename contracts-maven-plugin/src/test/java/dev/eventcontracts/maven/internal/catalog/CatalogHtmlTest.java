package dev.eventcontracts.maven.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventcontracts.compat.CompatibilityChecker;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogHtmlTest {

    private static String page(Path schemas) throws Exception {
        return CatalogHtml.render(
                CatalogBuilder.build(RepoContracts.read(schemas), "orders", "1.0", CompatibilityChecker.standard()));
    }

    @Test
    void render_loadsNothingFromElsewhere() throws Exception {
        String html = page(RepoContracts.SCHEMAS);

        assertThat(Pattern.compile("(src|href)\\s*=\\s*\"(?!#)", Pattern.CASE_INSENSITIVE)
                        .matcher(html)
                        .find())
                .as("a src or href other than an anchor")
                .isFalse();
        assertThat(html).doesNotContain("@import").doesNotContain("url(");
    }

    @Test
    void render_docWithMarkup_isEscapedNotInterpreted(@TempDir Path dir) throws Exception {
        Path schemas = CatalogBuilderTest.copy(dir);
        CatalogBuilderTest.edit(
                schemas.resolve("avro/Money.avsc"),
                "\"doc\": \"An amount of money",
                "\"doc\": \"<script>alert(1)</script> & An amount of money");

        String html = page(schemas);

        assertThat(html)
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; An amount")
                .doesNotContain("<script>alert");
    }

    @Test
    void render_everyTypeAndFieldHasAnAnchorTheSearchLinksTo() throws Exception {
        String html = page(RepoContracts.SCHEMAS);

        assertThat(html)
                .contains("id=\"type-dev.eventcontracts.orders.OrderCreated\"")
                .contains("id=\"field-dev.eventcontracts.orders.OrderCreated.shippingAddress\"")
                .contains("id=\"topic-order-events\"");
    }
}
