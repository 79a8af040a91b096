package dev.eventcontracts.maven.internal.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The catalog page's style sheet and search script, kept as files beside the plugin's classes and inlined. */
final class CatalogAssets {

    static final String CSS = read("catalog.css");
    static final String SCRIPT = read("catalog.js");

    private CatalogAssets() {}

    private static String read(String name) {
        String resource = "dev/eventcontracts/maven/catalog/" + name;
        try (InputStream in = CatalogAssets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The catalog's " + resource + " is missing from the plugin");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the catalog's " + resource, e);
        }
    }
}
