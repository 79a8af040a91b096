package dev.eventcontracts.devstack.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The extension behind {@link OnEachDatabase}: one invocation per database kind, each resolving a
 * {@link TestDatabase} parameter. The PostgreSQL server and the H2 directory live in the root context's store, so
 * one of each serves the whole test JVM and is closed at its end.
 */
final class EachDatabaseExtension implements TestTemplateInvocationContextProvider {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(EachDatabaseExtension.class);

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return AnnotationSupport.isAnnotated(context.getTestMethod(), OnEachDatabase.class);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        OnEachDatabase annotation = AnnotationSupport.findAnnotation(context.getTestMethod(), OnEachDatabase.class)
                .orElseThrow();
        return Stream.of(annotation.value()).map(Invocation::new);
    }

    /**
     * Returns the PostgreSQL server shared by every test of the JVM, starting it on first use.
     *
     * @param context any context; never null
     * @return the server; never null
     */
    static PostgresServer sharedServer(ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent("postgres", key -> PostgresServer.start(), PostgresServer.class);
    }

    private static Path h2Directory(ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent("h2", key -> new TemporaryDirectory(), TemporaryDirectory.class)
                .path();
    }

    static TestDatabase create(DatabaseKind kind, ExtensionContext context) {
        String name = "rm_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (kind == DatabaseKind.H2) {
            String url = "jdbc:h2:file:" + h2Directory(context).resolve(name) + ";WRITE_DELAY=0;MAX_COMPACT_TIME=0";
            return new TestDatabase(kind, name, url, "sa", "", null);
        }
        PostgresServer server = sharedServer(context);
        PostgresServer.Database database = server.createDatabase(name);
        return new TestDatabase(kind, name, database.jdbcUrl(), database.user(), database.password(), server);
    }

    private record Invocation(DatabaseKind kind) implements TestTemplateInvocationContext {

        @Override
        public String getDisplayName(int invocationIndex) {
            return "[" + kind.displayName() + "]";
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of(new DatabaseParameter(kind));
        }
    }

    private record DatabaseParameter(DatabaseKind kind) implements ParameterResolver {

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == TestDatabase.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return create(kind, context);
        }
    }

    /** A directory for the H2 files of the run, deleted with everything in it when the run ends. */
    private static final class TemporaryDirectory implements AutoCloseable {
        private final Path path;

        TemporaryDirectory() {
            try {
                path = Files.createTempDirectory("eventcontracts-h2");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Path path() {
            return path;
        }

        @Override
        public void close() throws IOException {
            try (Stream<Path> paths = Files.walk(path)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
