package dev.eventcontracts.consumer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretsTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "jdbc:postgresql://db:5432/orders?user=orders&password=s3cret&ssl=true"
                        + "|jdbc:postgresql://db:5432/orders?user=orders&password=********&ssl=true",
                "jdbc:postgresql://db/orders?password=s3cret|jdbc:postgresql://db/orders?password=********",
                "jdbc:postgresql://db/orders?sslpassword=k3y&PASSWORD=s3cret"
                        + "|jdbc:postgresql://db/orders?sslpassword=********&PASSWORD=********",
                "jdbc:h2:file:./data/rm;USER=sa;PASSWORD=s3cret;WRITE_DELAY=0"
                        + "|jdbc:h2:file:./data/rm;USER=sa;PASSWORD=********;WRITE_DELAY=0",
                "http://svc:s3cret@registry:8081|http://svc:********@registry:8081",
                "jdbc:h2:tcp://localhost:9092/~/rm|jdbc:h2:tcp://localhost:9092/~/rm",
                "http://registry:8081/path?x=1|http://registry:8081/path?x=1",
            })
    void maskUrl_hidesEveryPasswordAndKeepsTheRest(String url, String masked) {
        assertThat(Secrets.maskUrl(url)).isEqualTo(masked).doesNotContain("s3cret", "k3y");
    }

    @Test
    void mask_hidesValuesOfSecretSettingsAndPasswordsInUrls() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("basic.auth.user.info", "svc:s3cret");
        settings.put(
                "sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule password=\"s3cret\";");
        settings.put("ssl.truststore.password", "s3cret");
        settings.put("schema.registry.url", "http://svc:s3cret@registry:8081");
        settings.put("max.poll.records", "100");

        Map<String, String> masked = Secrets.mask(settings);

        assertThat(masked.toString()).doesNotContain("s3cret");
        assertThat(masked)
                .containsEntry("max.poll.records", "100")
                .containsKeys(settings.keySet().toArray(String[]::new));
    }
}
