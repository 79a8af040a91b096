package dev.eventcontracts.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eventcontracts.schema.AvroSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The compatibility corpus ({@code src/test/resources/compat-corpus/*.json}): schema pairs drawn from the
 * resolution rules of the Avro specification, each with the rule ids expected at every one of the seven
 * levels (an empty list means compatible). Every case is checked at every level; besides, with all stricter
 * rules relaxed the verdict must equal Confluent's, computed here the way Confluent does it: Avro's
 * {@code SchemaCompatibility} on the versions the level selects.
 */
class CompatibilityCorpusTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CompatibilityChecker RELAXED = CompatibilityChecker.builder()
            .relax(Arrays.stream(Rule.values())
                    .filter(Rule::stricterThanConfluent)
                    .toList())
            .build();

    record Case(String file, String id, List<AvroSchema> previous, AvroSchema candidate, JsonNode expect) {
        List<VersionedSchema> versions() {
            List<VersionedSchema> versions = new ArrayList<>();
            for (int i = 0; i < previous.size(); i++) {
                versions.add(new VersionedSchema(i + 1, previous.get(i)));
            }
            return versions;
        }

        Set<String> expected(CompatibilityLevel level) {
            Set<String> rules = new TreeSet<>();
            expect.path(level.name()).forEach(r -> rules.add(r.asText()));
            return rules;
        }

        @Override
        public String toString() {
            return file + "/" + id;
        }
    }

    static Stream<Arguments> casesAtEveryLevel() {
        return corpus().stream()
                .flatMap(c -> Arrays.stream(CompatibilityLevel.values()).map(l -> Arguments.of(c, l)));
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("casesAtEveryLevel")
    void checkUntilFirstFailure_corpusCase_givesTheVerdictAndConfluentMessagesOfTheFullCheck(
            Case c, CompatibilityLevel level) {
        CompatibilityResult full = CompatibilityChecker.standard().check(level, c.candidate(), c.versions());

        CompatibilityResult fast =
                CompatibilityChecker.standard().checkUntilFirstFailure(level, c.candidate(), c.versions());

        assertThat(fast.isCompatible()).as("verdict of %s at %s", c, level).isEqualTo(full.isCompatible());
        assertThat(fast.confluentMessages()).isEqualTo(full.confluentMessages());
        assertThat(full.violations()).containsAll(fast.violations());
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("casesAtEveryLevel")
    void check_corpusCase_findsExactlyTheExpectedRules(Case c, CompatibilityLevel level) {
        CompatibilityResult result = CompatibilityChecker.standard().check(level, c.candidate(), c.versions());

        Set<String> found =
                result.violations().stream().map(v -> v.rule().name()).collect(Collectors.toCollection(TreeSet::new));
        assertThat(found)
                .as("rules of %s at %s: %s", c, level, result.violations())
                .isEqualTo(c.expected(level));
        assertThat(result.isCompatible()).isEqualTo(c.expected(level).isEmpty());
        assertThat(result.confluentDetails().isEmpty()).isEqualTo(result.isCompatible());
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("casesAtEveryLevel")
    void check_withStricterRulesRelaxed_givesConfluentsVerdict(Case c, CompatibilityLevel level) {
        boolean confluent = confluentCompatible(
                level,
                c.candidate().rawSchema(),
                c.previous().stream().map(AvroSchema::rawSchema).toList());
        boolean expectedByCorpus =
                c.expected(level).stream().allMatch(r -> Rule.valueOf(r).stricterThanConfluent());

        assertThat(RELAXED.check(level, c.candidate(), c.versions()).isCompatible())
                .isEqualTo(confluent);
        assertThat(expectedByCorpus)
                .as("corpus expectation of %s agrees with Avro's checker", c)
                .isEqualTo(confluent);
    }

    @Test
    void corpus_hasAtLeastEightyCasesCoveringEveryTopic() {
        List<Case> corpus = corpus();

        assertThat(corpus).hasSizeGreaterThanOrEqualTo(80);
        assertThat(corpus.stream().map(Case::file).distinct())
                .contains(
                        "promotions",
                        "records",
                        "aliases",
                        "enums",
                        "unions",
                        "arrays-maps",
                        "fixed",
                        "logical-types",
                        "defaults",
                        "transitive");
        assertThat(corpus.stream().filter(c -> c.previous().size() > 1)).hasSizeGreaterThanOrEqualTo(8);
    }

    /** Confluent's algorithm: Avro's checker on the latest version, or on every version when transitive. */
    private static boolean confluentCompatible(CompatibilityLevel level, Schema candidate, List<Schema> previous) {
        if (previous.isEmpty() || level == CompatibilityLevel.NONE) {
            return true;
        }
        List<Schema> checked = level.isTransitive() ? previous : List.of(previous.get(previous.size() - 1));
        for (Schema old : checked) {
            if (level.checksBackward() && !avroCompatible(candidate, old)
                    || level.checksForward() && !avroCompatible(old, candidate)) {
                return false;
            }
        }
        return true;
    }

    private static boolean avroCompatible(Schema reader, Schema writer) {
        try {
            return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer)
                            .getType()
                    == SchemaCompatibilityType.COMPATIBLE;
        } catch (RuntimeException e) {
            return false; // Confluent turns a failing check into an error message, i.e. incompatible
        }
    }

    private static List<Case> corpus() {
        try (Stream<Path> files = Files.list(Path.of(
                CompatibilityCorpusTest.class.getResource("/compat-corpus").toURI()))) {
            List<Case> cases = new ArrayList<>();
            for (Path file :
                    files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                String name = file.getFileName().toString().replace(".json", "");
                for (JsonNode c : JSON.readTree(file.toFile())) {
                    List<AvroSchema> previous = new ArrayList<>();
                    c.path("previous").forEach(p -> previous.add(AvroSchema.parse(p.toString())));
                    cases.add(new Case(
                            name,
                            c.path("id").asText(),
                            previous,
                            AvroSchema.parse(c.path("candidate").toString()),
                            c.path("expect")));
                }
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
