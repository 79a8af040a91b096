package dev.eventcontracts.maven;

import dev.eventcontracts.compat.CompatibilityLevel;
import dev.eventcontracts.contracts.ContractException;
import dev.eventcontracts.contracts.ContractPlanner;
import dev.eventcontracts.contracts.ContractTypes;
import dev.eventcontracts.contracts.PlannedReference;
import dev.eventcontracts.contracts.SubjectPlan;
import dev.eventcontracts.contracts.TopicContracts;
import dev.eventcontracts.maven.internal.GateException;
import dev.eventcontracts.maven.internal.RegistryGateway;
import dev.eventcontracts.maven.internal.RegistryGateways;
import dev.eventcontracts.maven.internal.SubjectNames;
import dev.eventcontracts.schema.AvroSchema;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.codehaus.plexus.configuration.PlexusConfiguration;

/**
 * The parameters every goal shares, named as in Confluent's {@code kafka-schema-registry-maven-plugin} so that
 * a pom written for it works after changing groupId and artifactId, plus {@code topicContracts}: the
 * topic-contract descriptor that names subjects, references and levels so a pom need not.
 *
 * <p>This base class holds only configuration (Maven injects parameters into fields of the mojo's class
 * hierarchy) and reads it; the work is done by composed classes in {@code dev.eventcontracts.maven.internal}, and
 * each goal hands its work to a {@link dev.eventcontracts.maven.internal.GoalRunner}, which turns failures into
 * Maven's exceptions the same way for every goal.
 *
 * @since 0.1.0
 */
public abstract class AbstractContractsMojo extends AbstractMojo {

    /** Schema Registry URLs; {@code -Dschema.registry.url} (comma-separated) adds to them. */
    @Parameter
    List<String> schemaRegistryUrls = new ArrayList<>();

    /** The registry URL(s) from the command line or a property, comma-separated. */
    @Parameter(property = "schema.registry.url")
    String schemaRegistryUrl;

    /** Basic-auth credentials {@code user:password} for the registry. */
    @Parameter(property = "schema.registry.basic.auth.user.info")
    String userInfoConfig;

    /** Extra HTTP headers sent with every registry request. */
    @Parameter
    Map<String, String> httpHeaders = new LinkedHashMap<>();

    /** Skips the goal. */
    @Parameter(property = "kafka-schema-registry.skip", defaultValue = "false")
    boolean skip;

    /** Extra registry-client configuration with Confluent's keys, e.g. {@code schema.registry.ssl.truststore.location}. */
    @Parameter
    Map<String, String> configs = new LinkedHashMap<>();

    /** Schema file per subject, e.g. {@code <orders-value>src/main/avro/Order.avsc</orders-value>}. */
    @Parameter
    Map<String, File> subjects = new LinkedHashMap<>();

    /** Schema type per subject; only {@code AVRO} (the default) is supported. */
    @Parameter
    Map<String, String> schemaTypes = new LinkedHashMap<>();

    /**
     * References per subject, each a list of {@code <reference><name/><subject/><version/></reference>}.
     * Taken as raw configuration because Maven's default map converter cannot build lists of objects as map
     * values (Confluent's plugin needs a custom configurator for the same reason).
     */
    @Parameter
    PlexusConfiguration references;

    /** Compatibility level per subject, e.g. {@code <orders-value>FULL_TRANSITIVE</orders-value>}. */
    @Parameter
    Map<String, String> compatibilityLevels = new LinkedHashMap<>();

    /** Whether subject keys are decoded as Confluent does ({@code _x2F} for {@code /}). */
    @Parameter(defaultValue = "true")
    boolean decodeSubject = true;

    /**
     * The topic-contract descriptor ({@code schemas/topics.json}); used when no {@code subjects} are configured.
     */
    @Parameter(property = "contracts.topicContracts")
    File topicContracts;

    /** The directory of the descriptor's {@code .avsc} files; defaults to {@code avro/} beside the descriptor. */
    @Parameter(property = "contracts.schemaDirectory")
    File schemaDirectory;

    /** Opens registry connections: the REST client ({@link RegistryGateways#open}) unless another is set. */
    RegistryGateways.Opener registryOpener = RegistryGateways::open;

    /** Returns whether the goal is skipped, logging it when so. */
    boolean skipped() {
        if (skip) {
            getLog().info("Skipping: kafka-schema-registry.skip is true");
        }
        return skip;
    }

    /**
     * Returns the subjects to work on, referenced subjects first: the configured {@code subjects}, else those
     * of the descriptor.
     */
    List<SubjectPlan> plans() throws GateException {
        try {
            if (subjects != null && !subjects.isEmpty()) {
                return referencesFirst(configuredPlans(subjects));
            }
            if (topicContracts != null) {
                Path descriptor = topicContracts.toPath().toAbsolutePath().normalize();
                return ContractPlanner.plan(
                        TopicContracts.read(descriptor), ContractTypes.readDirectory(schemaDir(descriptor)));
            }
        } catch (ContractException e) {
            throw new GateException(e.getMessage(), e);
        }
        throw new GateException("No schemas configured: set <subjects> (subject -> .avsc file) or "
                + "<topicContracts> (the topic-contract descriptor, e.g. schemas/topics.json)");
    }

    /** Orders configured subjects so that referenced subjects come first. */
    static List<SubjectPlan> referencesFirst(List<SubjectPlan> plans) throws GateException {
        try {
            return ContractPlanner.referencesFirst(plans);
        } catch (ContractException e) {
            throw new GateException(e.getMessage(), e);
        }
    }

    /**
     * Returns the descriptor a goal that documents or freezes the contracts works on: {@code topicContracts}, else
     * {@code schemas/topics.json} of the project.
     *
     * @param basedir the project's directory; never null
     * @param goal the goal, for the message, e.g. {@code contracts:catalog}; never null
     * @param purpose what the goal does with the contracts, e.g. {@code documents}; never null
     * @throws GateException when the descriptor does not exist, naming the fix
     */
    Path projectDescriptor(File basedir, String goal, String purpose) throws GateException {
        Path descriptor = topicContracts != null
                ? topicContracts.toPath()
                : basedir.toPath().resolve("schemas").resolve("topics.json");
        descriptor = descriptor.toAbsolutePath().normalize();
        if (!Files.isRegularFile(descriptor)) {
            throw new GateException(goal + " " + purpose + " a topic-contract descriptor and its .avsc files, and "
                    + descriptor + " does not exist: set <topicContracts> or create the layout with contracts:init");
        }
        return descriptor;
    }

    /** Returns the directory of the descriptor's {@code .avsc} files: {@code schemaDirectory}, else {@code avro/}. */
    Path schemaDir(Path descriptor) {
        if (schemaDirectory != null) {
            return schemaDirectory.toPath().toAbsolutePath().normalize();
        }
        return descriptor.getParent().resolve("avro");
    }

    /** Builds plans from a subject-to-file map with the configured references, types and levels. */
    List<SubjectPlan> configuredPlans(Map<String, File> files) throws GateException {
        Map<String, List<Reference>> refs = decoded(configuredReferences());
        Map<String, String> types = decoded(schemaTypes);
        Map<String, String> levels = decoded(compatibilityLevels);
        List<SubjectPlan> plans = new ArrayList<>();
        for (Map.Entry<String, File> e : decoded(files).entrySet()) {
            String subject = e.getKey();
            String type = types.getOrDefault(subject, AvroSchema.TYPE);
            if (!AvroSchema.TYPE.equalsIgnoreCase(type)) {
                throw new GateException(
                        "Subject '" + subject + "' has schema type '" + type + "'; this plugin handles AVRO only");
            }
            List<PlannedReference> planned = new ArrayList<>();
            for (Reference r : refs.getOrDefault(subject, List.of())) {
                if (r.name == null || r.subject == null) {
                    throw new GateException("A reference of subject '" + subject + "' lacks <name> or <subject>: " + r);
                }
                planned.add(new PlannedReference(r.name, SubjectNames.decode(r.subject, decodeSubject), r.version));
            }
            plans.add(new SubjectPlan(
                    subject,
                    level(levels.get(subject), subject),
                    read(e.getValue(), subject),
                    planned,
                    e.getValue().getPath()));
        }
        return plans;
    }

    /** Reads {@code <references>}: subject to its list of references, in configuration order. */
    Map<String, List<Reference>> configuredReferences() throws GateException {
        Map<String, List<Reference>> out = new LinkedHashMap<>();
        if (references == null) {
            return out;
        }
        for (PlexusConfiguration subject : references.getChildren()) {
            List<Reference> list = new ArrayList<>();
            for (PlexusConfiguration ref : subject.getChildren()) {
                String version = child(ref, "version");
                Integer v = null;
                if (version != null) {
                    try {
                        v = Integer.valueOf(version);
                    } catch (NumberFormatException e) {
                        throw new GateException(
                                "A reference of subject '" + subject.getName() + "' has version '" + version
                                        + "'; expected a number",
                                e);
                    }
                }
                list.add(new Reference(child(ref, "name"), child(ref, "subject"), v));
            }
            out.put(subject.getName(), list);
        }
        return out;
    }

    private static String child(PlexusConfiguration config, String name) {
        PlexusConfiguration c = config.getChild(name, false);
        String value = c == null ? null : c.getValue(null);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** Returns the configured level of a subject, empty when none is configured. */
    Optional<CompatibilityLevel> level(String text, String subject) throws GateException {
        if (text == null) {
            return Optional.empty();
        }
        Optional<CompatibilityLevel> level = CompatibilityLevel.parse(text);
        if (level.isEmpty()) {
            throw new GateException("compatibilityLevels of subject '" + subject + "' is '" + text
                    + "'; expected one of " + Arrays.toString(CompatibilityLevel.values()));
        }
        return level;
    }

    private static String read(File file, String subject) throws GateException {
        try {
            return Files.readString(file.toPath());
        } catch (IOException e) {
            throw new GateException("Cannot read the schema file of subject '" + subject + "': " + file, e);
        }
    }

    <V> Map<String, V> decoded(Map<String, V> map) {
        Map<String, V> out = new LinkedHashMap<>();
        if (map != null) {
            map.forEach((k, v) -> out.put(SubjectNames.decode(k, decodeSubject), v));
        }
        return out;
    }

    /** Returns the configured registry URLs; empty when none is configured. */
    List<String> registryUrls() {
        List<String> urls = new ArrayList<>();
        List<String> all = new ArrayList<>(schemaRegistryUrls == null ? List.of() : schemaRegistryUrls);
        if (schemaRegistryUrl != null) {
            all.addAll(Arrays.asList(schemaRegistryUrl.split(",")));
        }
        for (String u : all) {
            String t = u == null ? "" : u.trim();
            if (!t.isEmpty() && !t.startsWith("${") && !urls.contains(t)) {
                urls.add(t);
            }
        }
        return urls;
    }

    /** Opens the registry, failing when none is configured. */
    RegistryGateway openRegistry() throws GateException {
        List<String> urls = registryUrls();
        if (urls.isEmpty()) {
            throw new GateException("No schema registry configured: set <schemaRegistryUrls> or -Dschema.registry.url");
        }
        Map<String, String> props = new LinkedHashMap<>();
        if (configs != null) {
            props.putAll(configs);
        }
        props.put("schema.registry.url", String.join(",", urls));
        if (userInfoConfig != null && !userInfoConfig.isBlank()) {
            props.put("basic.auth.credentials.source", "USER_INFO");
            props.put("basic.auth.user.info", userInfoConfig);
        }
        return registryOpener.open(props, httpHeaders == null ? Map.of() : httpHeaders);
    }

    /** Describes the registry for messages: its URLs without any user-info. */
    String registryDescription() {
        return String.join(
                ", ", registryUrls().stream().map(SubjectNames::withoutUserInfo).toList());
    }
}
