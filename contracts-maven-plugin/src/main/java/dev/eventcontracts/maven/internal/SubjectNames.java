package dev.eventcontracts.maven.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Small helpers for subject names and registry URLs in configuration and messages.
 */
public final class SubjectNames {

    private SubjectNames() {}

    /**
     * Decodes a subject written as an XML element name the way Confluent's plugin does: {@code _x} stands for
     * {@code %}, then URL-decoding, e.g. {@code a_x2Fb} is {@code a/b}.
     *
     * @param subject the configured name; never null
     * @param decode whether decoding is on
     * @return the subject; never null
     */
    public static String decode(String subject, boolean decode) {
        if (!decode || !subject.contains("_x")) {
            return subject;
        }
        try {
            return URLDecoder.decode(subject.replace("_x", "%"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return subject.replace("_x2F", "/");
        }
    }

    /**
     * Removes user-info ({@code user:password@}) from a URL so that messages never show credentials.
     *
     * @param url the URL; never null
     * @return the URL without user-info; never null
     */
    public static String withoutUserInfo(String url) {
        return url.replaceFirst("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@]*@", "$1");
    }
}
