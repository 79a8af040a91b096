package dev.eventcontracts.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventcontracts.consumer.ConsumerCommand;
import dev.eventcontracts.producer.ProducerCommand;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The order service and the order-processing service each declare where Kafka and the registry are in a mixin of
 * their own (neither may depend on the other, nor on a shared CLI module); this module sees both and checks that
 * the two declarations agree, names, labels, defaults and help alike.
 */
class ConnectionOptionsAgreeTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            --bootstrap-servers   | -b | <bootstrapServers> | localhost:9092        | Kafka bootstrap servers (default localhost:9092).
            --schema-registry-url | -s | <registryUrl>      | http://localhost:8081 | Schema registry URL (default http://localhost:8081).
            """)
    void connectionOption_isDeclaredAlikeByBothServices(
            String name, String shortName, String label, String defaultValue, String description) {
        for (Object command : List.of(new ProducerCommand(), new ConsumerCommand())) {
            OptionSpec option = new CommandLine(command).getCommandSpec().findOption(name);

            assertThat(option)
                    .as(command.getClass().getSimpleName() + " " + name)
                    .isNotNull();
            assertThat(option.names()).containsExactly(shortName, name);
            assertThat(option.paramLabel()).isEqualTo(label);
            assertThat(option.defaultValue()).isEqualTo(defaultValue);
            assertThat(option.description()).containsExactly(description);
        }
    }
}
