package dev.eventcontracts.server.internal.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * HTTP basic authentication: decodes the {@code Authorization} header and checks it against the credentials.
 */
public final class BasicAuth {

    /** The outcome for one request. */
    public sealed interface Outcome permits Allowed, Unauthenticated, Forbidden {}

    /** The request may proceed. */
    public record Allowed(String user) implements Outcome {}

    /** No or wrong credentials: 401. */
    public record Unauthenticated() implements Outcome {}

    /** Valid credentials, insufficient role: 403. */
    public record Forbidden(String user, Role role, Access needed) implements Outcome {}

    private final Credentials credentials;
    private final String realm;

    /**
     * Creates the check.
     *
     * @param credentials the users; never null
     * @param realm the realm named in the {@code WWW-Authenticate} challenge
     */
    public BasicAuth(Credentials credentials, String realm) {
        this.credentials = credentials;
        this.realm = realm;
    }

    /** The {@code WWW-Authenticate} header value of a 401. */
    public String challenge() {
        return "Basic realm=\"" + realm + "\"";
    }

    /**
     * Checks one request.
     *
     * @param authorization the {@code Authorization} header, or null
     * @param needed what the request does
     */
    public Outcome check(String authorization, Access needed) {
        Optional<String[]> userPassword = decode(authorization);
        if (userPassword.isEmpty()) {
            return new Unauthenticated();
        }
        String user = userPassword.get()[0];
        Optional<Role> role = credentials.authenticate(user, userPassword.get()[1]);
        if (role.isEmpty()) {
            return new Unauthenticated();
        }
        return role.get().permits(needed) ? new Allowed(user) : new Forbidden(user, role.get(), needed);
    }

    private static Optional<String[]> decode(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(
                    Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        return Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
    }
}
