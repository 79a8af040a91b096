package dev.eventcontracts.server.internal.state;

import dev.eventcontracts.schema.SchemaReference;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The guid Confluent Schema Registry gives a schema: the MD5 of its canonical text followed by each reference's
 * name, subject and 4-byte big-endian version, written as a UUID ({@code 8-4-4-4-12} hex digits). Two schemas
 * with the same guid are the same schema and get the same id.
 */
public final class Guids {

    private static final HexFormat HEX = HexFormat.of();

    private Guids() {}

    /**
     * Computes the guid.
     *
     * @param canonicalSchema the canonical schema text; never null
     * @param references the references in order; never null
     * @return the guid, e.g. {@code 3da18157-13d7-cc8c-ef32-f693caed15fb}
     */
    public static String of(String canonicalSchema, List<SchemaReference> references) {
        MessageDigest md5 = md5();
        md5.update(canonicalSchema.getBytes(StandardCharsets.UTF_8));
        for (SchemaReference r : references) {
            md5.update(r.name().getBytes(StandardCharsets.UTF_8));
            md5.update(r.subject().getBytes(StandardCharsets.UTF_8));
            md5.update(ByteBuffer.allocate(4).putInt(r.version()).array());
        }
        String hex = HEX.formatHex(md5.digest());
        return hex.substring(0, 8)
                + '-'
                + hex.substring(8, 12)
                + '-'
                + hex.substring(12, 16)
                + '-'
                + hex.substring(16, 20)
                + '-'
                + hex.substring(20);
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides MD5", e);
        }
    }
}
