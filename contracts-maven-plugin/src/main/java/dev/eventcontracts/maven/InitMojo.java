package dev.eventcontracts.maven;

import dev.eventcontracts.maven.internal.GateException;
import dev.eventcontracts.maven.internal.GoalRunner;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Lays out a contracts folder in an existing repository: {@code schemas/topics.json} with one topic,
 * {@code schemas/avro/<EventType>.avsc} with its first event type, and an empty {@code schemas/released/}. The same
 * files the archetype ({@code contracts-archetype}) generates, from the same templates. Refuses to overwrite a
 * descriptor or a schema that exists. Needs no project: it writes into the current directory's {@code schemas/}.
 *
 * @since 0.1.0
 */
@Mojo(name = "init", requiresProject = false, aggregator = true, threadSafe = true)
public class InitMojo extends AbstractMojo {

    /** Kafka's legal topic names: letters, digits, {@code . _ -}, at most 249 characters. */
    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,249}");

    private static final Pattern AVRO_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");
    private static final String TEMPLATES = "dev/eventcontracts/maven/starter/";
    /** The template files, relative to {@code schemas/}'s parent; {@code __eventType__} is the event's name. */
    private static final List<String> FILES =
            List.of("schemas/topics.json", "schemas/avro/__eventType__.avsc", "schemas/released/README.md");

    /** The first topic, e.g. {@code payment-events}. */
    @Parameter(property = "contracts.topic", required = true)
    String topic;

    /** The first event type's full name, e.g. {@code com.acme.payments.PaymentReceived}. */
    @Parameter(property = "contracts.eventType", required = true)
    String eventType;

    /** The field of every event that is the record key. */
    @Parameter(property = "contracts.keyField", defaultValue = "id")
    String keyField = "id";

    /** The directory that gets {@code schemas/}: the project's, or the current one without a project. */
    @Parameter(property = "contracts.directory", defaultValue = "${project.basedir}")
    File directory;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        GoalRunner.local("init").run(this::init);
    }

    private void init() throws GateException {
        Map<String, String> values = values();
        Path root = directory.toPath().toAbsolutePath().normalize();
        Map<Path, String> files = new LinkedHashMap<>();
        for (String template : FILES) {
            Path target = root.resolve(template.replace("__eventType__", values.get("eventType")));
            files.put(target, render(template, values));
        }
        List<Path> existing = new ArrayList<>();
        files.keySet().stream()
                .filter(f -> !f.getFileName().toString().equals("README.md"))
                .filter(Files::exists)
                .forEach(existing::add);
        if (!existing.isEmpty()) {
            throw new GateException("contracts:init writes a new contracts layout and will not overwrite " + existing
                    + ": this repository has one already (change it, then run mvn verify and contracts:release)");
        }
        for (Map.Entry<Path, String> f : files.entrySet()) {
            if (Files.exists(f.getKey())) {
                continue;
            }
            try {
                Files.createDirectories(f.getKey().getParent());
                Files.writeString(f.getKey(), f.getValue());
            } catch (IOException e) {
                throw new GateException("Cannot write " + f.getKey() + ": " + e.getMessage(), e);
            }
            getLog().info("Created " + root.relativize(f.getKey()));
        }
        getLog().info("Next: bind the gate in your pom (plugin dev.eventcontracts:contracts-maven-plugin, "
                + "<topicContracts>${project.basedir}/schemas/topics.json</topicContracts>, goals validate and "
                + "test-compatibility), run mvn verify, then mvn contracts:release to write released/v1.");
    }

    private Map<String, String> values() throws GateException {
        String type = eventType == null ? "" : eventType.trim();
        int dot = type.lastIndexOf('.');
        String pkg = dot < 0 ? "" : type.substring(0, dot);
        String name = type.substring(dot + 1);
        if (topic == null || !TOPIC.matcher(topic).matches() || topic.equals(".") || topic.equals("..")) {
            throw new GateException("contracts.topic is '" + topic + "'; expected a Kafka topic name: letters, "
                    + "digits, '.', '_' or '-', at most 249 characters, e.g. -Dcontracts.topic=payment-events");
        }
        if (pkg.isEmpty()
                || !AVRO_NAME.matcher(name).matches()
                || List.of(pkg.split("\\.", -1)).stream()
                        .anyMatch(p -> !AVRO_NAME.matcher(p).matches())) {
            throw new GateException("contracts.eventType is '" + eventType + "'; expected the full name of an Avro "
                    + "record, namespace and name, e.g. -Dcontracts.eventType=com.acme.payments.PaymentReceived");
        }
        if (keyField == null || !AVRO_NAME.matcher(keyField).matches()) {
            throw new GateException("contracts.keyField is '" + keyField + "'; expected an Avro field name (a "
                    + "letter or '_', then letters, digits or '_'), e.g. -Dcontracts.keyField=paymentId");
        }
        return Map.of("topic", topic, "package", pkg, "eventType", name, "keyField", keyField);
    }

    private static String render(String template, Map<String, String> values) throws GateException {
        String text;
        try (InputStream in = InitMojo.class.getClassLoader().getResourceAsStream(TEMPLATES + template)) {
            if (in == null) {
                throw new GateException("The plugin jar lacks its template " + TEMPLATES + template);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new GateException("Cannot read the template " + template + ": " + e.getMessage(), e);
        }
        for (Map.Entry<String, String> v : values.entrySet()) {
            text = text.replace("${" + v.getKey() + "}", v.getValue());
        }
        return text;
    }
}
