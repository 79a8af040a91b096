package dev.eventcontracts.compattests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Follows {@code docs/evolving-a-contract.md} on a copy of this repository's contracts: the change it makes
 * fails the gate with the violations the document quotes, and its fix passes.
 */
@Tag("integration")
@Timeout(value = 3, unit = TimeUnit.MINUTES)
@Execution(ExecutionMode.CONCURRENT)
class EvolvingAContractIT {

    private static final String AFTER_SHIPPING_ADDRESS =
            "\"doc\": \"Where to ship the order; null when the customer collects it or the producer predates "
                    + "contract v2.\"\n    }";
    private static final String SALES_CHANNEL = """
            ,
                {
                  "name": "salesChannel",
                  "type": "string",
                  "doc": "Where the customer placed the order: WEB, APP or STORE."
                }""";

    /** The violation and fix lines of the document's first output block. */
    private static List<String> documentedViolationLines() throws IOException {
        String doc = Files.readString(Paths.get("..", "docs", "evolving-a-contract.md"));
        String block = doc.substring(doc.indexOf("```text") + 7);
        block = block.substring(0, block.indexOf("```"));
        return block.lines()
                .filter(l -> l.startsWith("[ERROR]   - ") || l.startsWith("[ERROR]     fix:"))
                .toList();
    }

    @Test
    void walkthrough_requiredFieldAdded_failsWithTheDocumentedViolations() throws Exception {
        List<String> documented = documentedViolationLines();

        FixtureBuild.Result result = FixtureBuild.ofRepositoryContracts()
                .edit("schemas/avro/OrderCreated.avsc", AFTER_SHIPPING_ADDRESS, AFTER_SHIPPING_ADDRESS + SALES_CHANNEL)
                .verify();

        assertThat(result.succeeded()).as(result.output()).isFalse();
        assertThat(documented).hasSize(8);
        assertThat(result.output().lines().toList()).containsAll(documented);
    }

    @Test
    void walkthrough_fieldGivenADefault_passes() {
        FixtureBuild.Result result = FixtureBuild.ofRepositoryContracts()
                .edit(
                        "schemas/avro/OrderCreated.avsc",
                        AFTER_SHIPPING_ADDRESS,
                        AFTER_SHIPPING_ADDRESS
                                + SALES_CHANNEL.replace(
                                        "\"type\": \"string\",",
                                        "\"type\": \"string\",\n      \"default\": \"UNKNOWN\","))
                .verify();

        assertThat(result.succeeded()).as(result.output()).isTrue();
        assertThat(result.output())
                .contains("Subject 'dev.eventcontracts.orders.OrderCreated' is FULL_TRANSITIVE "
                        + "compatible with version 1 (released v1), version 2 (released v2).");
    }
}
