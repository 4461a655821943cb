package org.umlmanager.launch.holder;

/**
 * The last {@code capacity} bytes of a line's output, for clients that attach later. Not
 * thread-safe: {@link OutputLine} guards it.
 */
final class Scrollback {

    private final byte[] ring;
    private long written;

    Scrollback(int capacity) {
        ring = new byte[capacity];
    }

    void append(byte[] data, int offset, int length) {
        if (length >= ring.length) {
            System.arraycopy(data, offset + length - ring.length, ring, 0, ring.length);
            written += length;
            // Realign so that the oldest byte sits where the ring's head will be.
            rotateTo((int) (written % ring.length));
            return;
        }
        int head = (int) (written % ring.length);
        int first = Math.min(length, ring.length - head);
        System.arraycopy(data, offset, ring, head, first);
        System.arraycopy(data, offset + first, ring, 0, length - first);
        written += length;
    }

    private void rotateTo(int head) {
        byte[] copy = ring.clone();
        for (int i = 0; i < ring.length; i++) {
            ring[(head + i) % ring.length] = copy[i];
        }
    }

    /** The kept bytes, oldest first. */
    byte[] contents() {
        if (written <= ring.length) {
            return java.util.Arrays.copyOf(ring, (int) written);
        }
        int head = (int) (written % ring.length);
        byte[] out = new byte[ring.length];
        System.arraycopy(ring, head, out, 0, ring.length - head);
        System.arraycopy(ring, 0, out, ring.length - head, head);
        return out;
    }
}
