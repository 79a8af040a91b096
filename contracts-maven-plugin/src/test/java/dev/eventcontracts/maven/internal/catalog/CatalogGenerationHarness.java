package dev.eventcontracts.maven.internal.catalog;

import dev.eventcontracts.compat.CompatibilityChecker;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Measures how long contracts:catalog and contracts:asyncapi take on this repository's contracts, beside a baseline
 * measured in the same run: reading the contracts (descriptor, {@code .avsc} files, released history) through
 * contracts-core, which every goal does. Reports the first (cold) run and the median and maximum of the warm runs. A
 * harness, not a test: the figures go into the README.
 *
 * <p>Run from the repository's root, after {@code mvn -pl contracts-maven-plugin -am install -DskipTests}:
 *
 * <pre>{@code
 * cd contracts-maven-plugin
 * mvn -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp "target/test-classes:target/classes:$(cat target/cp.txt)" \
 *     dev.eventcontracts.maven.internal.catalog.CatalogGenerationHarness 30
 * }</pre>
 */
public final class CatalogGenerationHarness {

    private CatalogGenerationHarness() {}

    /**
     * Runs the harness.
     *
     * @param args the number of warm runs, default 30
     * @throws Exception when the contracts cannot be read
     */
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        Path schemas = Path.of("..", "schemas").toAbsolutePath().normalize();
        long[] read = new long[runs + 1];
        long[] catalog = new long[runs + 1];
        long[] asyncapi = new long[runs + 1];
        int size = 0;
        for (int i = 0; i <= runs; i++) {
            long t0 = System.nanoTime();
            ContractSources contracts = RepoContracts.read(schemas);
            long t1 = System.nanoTime();
            String html =
                    CatalogHtml.render(CatalogBuilder.build(contracts, "orders", "1", CompatibilityChecker.standard()));
            long t2 = System.nanoTime();
            String yaml = AsyncApiDocument.toYaml(AsyncApiDocument.generate(contracts, "orders", "1"));
            long t3 = System.nanoTime();
            read[i] = t1 - t0;
            catalog[i] = t2 - t0;
            asyncapi[i] = t3 - t2 + read[i];
            size = html.length() + yaml.length();
        }
        System.out.printf("baseline: read the contracts  %s%n", figures(read));
        System.out.printf("catalog (read + build + render) %s%n", figures(catalog));
        System.out.printf("asyncapi (read + generate, without the JSON Schema check) %s%n", figures(asyncapi));
        System.out.printf("(%d characters written per run)%n", size);
    }

    private static String figures(long[] nanos) {
        long[] warm = Arrays.copyOfRange(nanos, 1, nanos.length);
        Arrays.sort(warm);
        return String.format(
                "cold %.1f ms, warm median %.1f ms, warm max %.1f ms",
                nanos[0] / 1e6, warm[warm.length / 2] / 1e6, warm[warm.length - 1] / 1e6);
    }
}
