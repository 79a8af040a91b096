package dev.eventcontracts.server.internal.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The users of HTTP basic authentication with their roles, from a file in Jetty's {@code PropertyUserStore}
 * format ({@code user: password,role} per line, {@code #} comments) and/or an inline list
 * ({@code user:password:role;user2:password2:role2}, e.g. from the environment). A password may be given as
 * {@code sha256:<hex>}. Passwords are compared in constant time and never logged or echoed.
 */
public final class Credentials {

    private static final String SHA256_PREFIX = "sha256:";

    private record User(byte[] sha256, Role role) {}

    private final Map<String, User> users;

    private Credentials(Map<String, User> users) {
        this.users = Map.copyOf(users);
    }

    /**
     * Loads users.
     *
     * @param file a users file, or null
     * @param inline an inline list, or null/blank
     * @throws IllegalArgumentException naming the line (never the password) when an entry is malformed
     */
    public static Credentials load(Path file, String inline) {
        Map<String, User> users = new HashMap<>();
        if (file != null) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the users file " + file, e);
            }
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).trim();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int colon = line.indexOf(':');
                int comma = line.lastIndexOf(',');
                if (colon <= 0 || comma <= colon) {
                    throw new IllegalArgumentException(
                            "users file " + file + " line " + (i + 1) + ": expected 'user: password,role'");
                }
                add(
                        users,
                        line.substring(0, colon).trim(),
                        line.substring(colon + 1, comma).trim(),
                        line.substring(comma + 1).trim(),
                        "users file " + file + " line " + (i + 1));
            }
        }
        if (inline != null && !inline.isBlank()) {
            String[] entries = inline.split(";");
            for (int i = 0; i < entries.length; i++) {
                String entry = entries[i].trim();
                int first = entry.indexOf(':');
                int last = entry.lastIndexOf(':');
                if (first <= 0 || last <= first) {
                    throw new IllegalArgumentException(
                            "authentication.users entry " + (i + 1) + ": expected 'user:password:role'");
                }
                add(
                        users,
                        entry.substring(0, first),
                        entry.substring(first + 1, last),
                        entry.substring(last + 1),
                        "authentication.users entry " + (i + 1));
            }
        }
        return new Credentials(users);
    }

    private static void add(Map<String, User> users, String name, String password, String roleName, String where) {
        Role role = Role.parse(roleName)
                .orElseThrow(() -> new IllegalArgumentException(
                        where + ": role '" + roleName + "' is not one of read-only, read-write, admin"));
        byte[] hash;
        if (password.toLowerCase(Locale.ROOT).startsWith(SHA256_PREFIX)) {
            try {
                hash = HexFormat.of().parseHex(password.substring(SHA256_PREFIX.length()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": the sha256 password is not hex", e);
            }
        } else {
            hash = sha256(password);
        }
        users.put(name, new User(hash, role));
    }

    /** Whether no user is configured. */
    public boolean isEmpty() {
        return users.isEmpty();
    }

    /** The user's role when the password matches. */
    public Optional<Role> authenticate(String user, String password) {
        User found = users.get(user);
        byte[] given = sha256(password);
        if (found == null) {
            MessageDigest.isEqual(given, given);
            return Optional.empty();
        }
        return MessageDigest.isEqual(found.sha256(), given) ? Optional.of(found.role()) : Optional.empty();
    }

    private static byte[] sha256(String password) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
