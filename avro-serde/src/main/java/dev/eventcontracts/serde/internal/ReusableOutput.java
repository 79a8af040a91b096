package dev.eventcontracts.serde.internal;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growable byte buffer that one thread reuses for every record: unlike {@link java.io.ByteArrayOutputStream}
 * it is not synchronized and keeps its capacity across {@link #reset()}.
 */
final class ReusableOutput extends OutputStream {

    private byte[] buf = new byte[256];
    private int count;

    @Override
    public void write(int b) {
        ensure(count + 1);
        buf[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        ensure(count + len);
        System.arraycopy(b, off, buf, count, len);
        count += len;
    }

    void reset() {
        count = 0;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, count);
    }

    private void ensure(int capacity) {
        if (capacity > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(capacity, buf.length << 1));
        }
    }
}
