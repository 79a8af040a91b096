package dev.eventcontracts.maven;

/**
 * A schema reference as configured in a pom, with Confluent's shape:
 * {@code <reference><name>dev.example.Money</name><subject>dev.example.Money</subject><version>1</version></reference>}.
 *
 * <p>Maven fills the fields; without a {@code version} the reference takes the version registered earlier in
 * the same run, else the latest.
 *
 * @since 0.1.0
 */
public class Reference {

    /** The full name of the referenced Avro type; required. */
    String name;
    /** The subject the referenced type is registered under; required. */
    String subject;
    /** The version of that subject; null for "registered in this run, else latest". */
    Integer version;

    /** Creates an empty reference for Maven to fill. */
    public Reference() {}

    /**
     * Creates a reference.
     *
     * @param name the full name of the referenced type; never null
     * @param subject the subject it is registered under; never null
     * @param version the version, or null
     */
    public Reference(String name, String subject, Integer version) {
        this.name = name;
        this.subject = subject;
        this.version = version;
    }

    /** Returns the full name of the referenced type; null when not configured. */
    public String getName() {
        return name;
    }

    /** Returns the subject; null when not configured. */
    public String getSubject() {
        return subject;
    }

    /** Returns the version; null for "registered in this run, else latest". */
    public Integer getVersion() {
        return version;
    }

    @Override
    public String toString() {
        return "Reference{name='" + name + "', subject='" + subject + "', version=" + version + "}";
    }
}
