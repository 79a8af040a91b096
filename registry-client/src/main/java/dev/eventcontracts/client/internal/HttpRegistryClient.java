package dev.eventcontracts.client.internal;

import static dev.eventcontracts.client.internal.HttpTransport.Safety.READ;
import static dev.eventcontracts.client.internal.HttpTransport.Safety.WRITE;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.eventcontracts.client.CompatibilityCheckResponse;
import dev.eventcontracts.client.CompatibilityConfig;
import dev.eventcontracts.client.CompatibilityUpdate;
import dev.eventcontracts.client.ModeConfig;
import dev.eventcontracts.client.RegisterSchemaRequest;
import dev.eventcontracts.client.RegisterSchemaResponse;
import dev.eventcontracts.client.RegistryException;
import dev.eventcontracts.client.SchemaRegistryClient;
import dev.eventcontracts.client.SchemaString;
import dev.eventcontracts.client.SubjectSchema;
import dev.eventcontracts.client.SubjectVersion;
import dev.eventcontracts.client.internal.HttpTransport.Safety;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The REST client: one method per call of Confluent's API, each a path, a body and a retry safety handed to
 * {@link HttpTransport}. Reads and read-only {@code POST}s (lookup, compatibility checks) are {@code READ};
 * registrations, updates and deletes are {@code WRITE}. The lists a registry may page (subjects, versions, the
 * versions of an id, the referrers of a version) are read to their end ({@link Pages}).
 */
public final class HttpRegistryClient implements SchemaRegistryClient {

    /** Confluent's {@code error_code} for "subject not found". */
    private static final int SUBJECT_NOT_FOUND = 40401;

    /** Confluent's {@code error_code} for "subject does not have subject-level compatibility configured". */
    private static final int SUBJECT_LEVEL_NOT_CONFIGURED = 40408;

    private final HttpTransport transport;
    private final ObjectReader schemaString;
    private final ObjectReader subjectSchema;
    private final ObjectReader strings;
    private final ObjectReader ints;
    private final ObjectReader subjectVersions;
    private final ObjectReader registerResponse;
    private final ObjectReader compatibility;
    private final ObjectReader config;
    private final ObjectReader configUpdate;
    private final ObjectReader mode;
    private final ObjectReader integer;

    /**
     * Creates the client over a transport, which it closes on {@link #close()}.
     *
     * @param transport the transport
     */
    public HttpRegistryClient(HttpTransport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
        var m = transport.mapper();
        this.schemaString = m.readerFor(SchemaString.class);
        this.subjectSchema = m.readerFor(SubjectSchema.class);
        this.strings = m.readerFor(new TypeReference<List<String>>() {});
        this.ints = m.readerFor(new TypeReference<List<Integer>>() {});
        this.subjectVersions = m.readerFor(new TypeReference<List<SubjectVersion>>() {});
        this.registerResponse = m.readerFor(RegisterSchemaResponse.class);
        this.compatibility = m.readerFor(CompatibilityCheckResponse.class);
        this.config = m.readerFor(CompatibilityConfig.class);
        this.configUpdate = m.readerFor(CompatibilityUpdate.class);
        this.mode = m.readerFor(ModeConfig.class);
        this.integer = m.readerFor(Integer.class);
    }

    private <T> T call(String method, Paths path, Object body, Safety safety, ObjectReader reader) {
        return transport.send(method, path.toString(), body, safety, bytes -> {
            T value = reader.readValue(bytes);
            if (value == null) {
                throw new IOException("empty answer");
            }
            return value;
        });
    }

    private static Paths subject(String subject) {
        return Paths.of("/subjects").segment(subject);
    }

    @Override
    public SchemaString schemaById(int id) {
        return call("GET", Paths.of("/schemas/ids/" + id), null, READ, schemaString);
    }

    @Override
    public List<String> schemaTypes() {
        return call("GET", Paths.of("/schemas/types"), null, READ, strings);
    }

    /** Every page of a list ({@link Pages}): {@code path} builds the request, without paging parameters. */
    private <T> List<T> list(Supplier<Paths> path, ObjectReader reader) {
        return Pages.all(offset -> {
            Paths page = path.get();
            if (offset > 0) {
                page.param("offset", Integer.toString(offset));
            }
            return call("GET", page, null, READ, reader);
        });
    }

    @Override
    public List<SubjectVersion> subjectVersionsById(int id) {
        return list(() -> Paths.of("/schemas/ids/" + id + "/versions"), subjectVersions);
    }

    @Override
    public List<String> subjects(String subjectPrefix, boolean deleted, boolean deletedOnly) {
        return list(
                () -> Paths.of("/subjects")
                        .param("subjectPrefix", subjectPrefix)
                        .flag("deleted", deleted)
                        .flag("deletedOnly", deletedOnly),
                strings);
    }

    @Override
    public List<Integer> versions(String subject, boolean deleted, boolean deletedOnly) {
        Objects.requireNonNull(subject, "subject");
        return list(
                () -> subject(subject)
                        .then("/versions")
                        .flag("deleted", deleted)
                        .flag("deletedOnly", deletedOnly),
                ints);
    }

    @Override
    public SubjectSchema version(String subject, int version, boolean deleted) {
        Paths path = subject(subject).then("/versions").version(version).flag("deleted", deleted);
        return call("GET", path, null, READ, subjectSchema);
    }

    @Override
    public String rawSchema(String subject, int version) {
        Paths path = subject(subject).then("/versions").version(version).then("/schema");
        return transport.send("GET", path.toString(), null, READ, bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    @Override
    public SubjectSchema lookup(String subject, RegisterSchemaRequest request, boolean normalize, boolean deleted) {
        Paths path = subject(subject).flag("normalize", normalize).flag("deleted", deleted);
        return call("POST", path, Objects.requireNonNull(request, "request"), READ, subjectSchema);
    }

    @Override
    public List<Integer> referencedBy(String subject, int version) {
        Objects.requireNonNull(subject, "subject");
        return list(() -> subject(subject).then("/versions").version(version).then("/referencedby"), ints);
    }

    @Override
    public CompatibilityCheckResponse testCompatibility(
            String subject, int version, RegisterSchemaRequest request, boolean normalize, boolean verbose) {
        Paths path = Paths.of("/compatibility/subjects")
                .segment(subject)
                .then("/versions")
                .version(version)
                .flag("normalize", normalize)
                .flag("verbose", verbose);
        return call("POST", path, Objects.requireNonNull(request, "request"), READ, compatibility);
    }

    @Override
    public CompatibilityCheckResponse testCompatibilityAll(
            String subject, RegisterSchemaRequest request, boolean normalize, boolean verbose) {
        Paths path = Paths.of("/compatibility/subjects")
                .segment(subject)
                .then("/versions")
                .flag("normalize", normalize)
                .flag("verbose", verbose);
        return call("POST", path, Objects.requireNonNull(request, "request"), READ, compatibility);
    }

    @Override
    public RegisterSchemaResponse register(String subject, RegisterSchemaRequest request, boolean normalize) {
        Paths path = subject(subject).then("/versions").flag("normalize", normalize);
        return call("POST", path, Objects.requireNonNull(request, "request"), WRITE, registerResponse);
    }

    @Override
    public List<Integer> deleteSubject(String subject, boolean permanent) {
        return call("DELETE", subject(subject).flag("permanent", permanent), null, WRITE, ints);
    }

    @Override
    public int deleteVersion(String subject, int version, boolean permanent) {
        Paths path = subject(subject).then("/versions").version(version).flag("permanent", permanent);
        Integer deleted = call("DELETE", path, null, WRITE, integer);
        return deleted;
    }

    @Override
    public CompatibilityConfig globalConfig() {
        return call("GET", Paths.of("/config"), null, READ, config);
    }

    @Override
    public CompatibilityUpdate updateGlobalConfig(CompatibilityUpdate update) {
        return call("PUT", Paths.of("/config"), Objects.requireNonNull(update, "update"), WRITE, configUpdate);
    }

    @Override
    public CompatibilityConfig deleteGlobalConfig() {
        return call("DELETE", Paths.of("/config"), null, WRITE, config);
    }

    @Override
    public CompatibilityConfig subjectConfig(String subject, boolean defaultToGlobal) {
        Paths path = Paths.of("/config").segment(subject).flag("defaultToGlobal", defaultToGlobal);
        try {
            return call("GET", path, null, READ, config);
        } catch (RegistryException e) {
            // Confluent answers defaultToGlobal=true for a subject it does not know with the global level; other
            // registries answer 404 40401 "subject not found" (Apicurio 3), or 40408 "no subject-level
            // compatibility" where they ignore the parameter. Same meaning: the subject has no level of its own,
            // so the global one applies. Decided by the answer, whichever registry gave it; any other 404 (a wrong
            // base URL answers one without an error code) is passed on.
            if (defaultToGlobal
                    && e.status() == 404
                    && (e.errorCode() == SUBJECT_NOT_FOUND || e.errorCode() == SUBJECT_LEVEL_NOT_CONFIGURED)) {
                return globalConfig();
            }
            throw e;
        }
    }

    @Override
    public CompatibilityUpdate updateSubjectConfig(String subject, CompatibilityUpdate update) {
        return call(
                "PUT",
                Paths.of("/config").segment(subject),
                Objects.requireNonNull(update, "update"),
                WRITE,
                configUpdate);
    }

    @Override
    public CompatibilityConfig deleteSubjectConfig(String subject) {
        return call("DELETE", Paths.of("/config").segment(subject), null, WRITE, config);
    }

    @Override
    public ModeConfig globalMode() {
        return call("GET", Paths.of("/mode"), null, READ, mode);
    }

    @Override
    public ModeConfig updateGlobalMode(String newMode, boolean force) {
        return call(
                "PUT",
                Paths.of("/mode").flag("force", force),
                new ModeConfig(Objects.requireNonNull(newMode, "mode")),
                WRITE,
                mode);
    }

    @Override
    public ModeConfig deleteGlobalMode() {
        return call("DELETE", Paths.of("/mode"), null, WRITE, mode);
    }

    @Override
    public ModeConfig subjectMode(String subject, boolean defaultToGlobal) {
        Paths path = Paths.of("/mode").segment(subject).flag("defaultToGlobal", defaultToGlobal);
        return call("GET", path, null, READ, mode);
    }

    @Override
    public ModeConfig updateSubjectMode(String subject, String newMode, boolean force) {
        Paths path = Paths.of("/mode").segment(subject).flag("force", force);
        return call("PUT", path, new ModeConfig(Objects.requireNonNull(newMode, "mode")), WRITE, mode);
    }

    @Override
    public ModeConfig deleteSubjectMode(String subject) {
        return call("DELETE", Paths.of("/mode").segment(subject), null, WRITE, mode);
    }

    @Override
    public void close() {
        transport.close();
    }
}
