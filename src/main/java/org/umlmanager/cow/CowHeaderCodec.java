package org.umlmanager.cow;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Bytes ⇄ {@link CowHeader}, following the kernel's {@code read_cow_header} and
 * {@code write_cow_header}: the magic in either byte order, v1 fields in native order, v2 and v3
 * big-endian, and the old unpacked 64-bit v3 layout.
 */
final class CowHeaderCodec {

    static final int MAGIC = 0x4F4F4F4D;
    /** The longest header there is: enough to read for any version. */
    static final int MAX_HEADER_LENGTH = CowVersion.V3_64BIT_LAYOUT.headerLength();

    private static final int V1_PATH_LENGTH = 256;
    private static final int PATH_LENGTH = 4096;
    private static final int V3_PATH_OFFSET = 32;
    private static final int V3_64BIT_PATH_OFFSET = 36;
    private static final int COW_FORMAT_BITMAP = 0;
    /** How the JDK turns file names into bytes; the kernel stores those bytes. */
    private static final Charset PATH_CHARSET = pathCharset();

    private CowHeaderCodec() {
    }

    /**
     * Decodes the first bytes of a file ({@code bytes} from position 0 to its limit).
     *
     * @param source names the file in messages
     */
    static CowHeader decode(ByteBuffer bytes, String source) throws CowException {
        int n = bytes.limit();
        if (n < 8) {
            throw new CowException(source + " is not a COW file: it is only " + n + " bytes long");
        }
        ByteBuffer big = bytes.duplicate().order(ByteOrder.BIG_ENDIAN);
        ByteBuffer nat = bytes.duplicate().order(ByteOrder.nativeOrder());
        ByteBuffer fields;
        if (nat.getInt(0) == MAGIC) {
            fields = nat;
        } else if (big.getInt(0) == MAGIC) {
            fields = big;
        } else {
            throw new CowException(source + " is not a COW file (it does not start with the COW magic \"OOOM\")");
        }
        int number = fields.getInt(4);
        CowVersion version = switch (number) {
            case 1 -> CowVersion.V1;
            case 2 -> CowVersion.V2;
            case 3 -> n >= V3_PATH_OFFSET + 4 && big.getInt(V3_PATH_OFFSET) == 0 ? CowVersion.V3_64BIT_LAYOUT
                    : CowVersion.V3;
            default -> throw new CowException(source + " has an unsupported COW version " + Integer.toUnsignedString(number)
                    + " (versions 1, 2 and 3 exist)");
        };
        if (n < version.headerLength()) {
            throw new CowException(source + " has a truncated COW header: a version " + version.number()
                    + " header is " + version.headerLength() + " bytes, the file has only " + n);
        }
        try {
            return switch (version) {
                // v1 was written in the host's order, whatever order the magic was found in.
                case V1 -> new CowHeader(version, path(nat, 8, V1_PATH_LENGTH), Integer.toUnsignedLong(nat.getInt(264)),
                        nat.getLong(268), nat.getInt(276), nat.getInt(276));
                case V2 -> new CowHeader(version, path(big, 8, PATH_LENGTH), Integer.toUnsignedLong(big.getInt(4104)),
                        big.getLong(4108), big.getInt(4116), big.getInt(4116));
                case V3 -> v3(big, source, 8, 12, 20, 24, 28, V3_PATH_OFFSET);
                // The 64-bit mtime was stored as a byte-swapped 32-bit value: its first 4 bytes, big-endian.
                case V3_64BIT_LAYOUT -> v3(big, source, 8, 16, 24, 28, 32, V3_64BIT_PATH_OFFSET);
            };
        } catch (IllegalArgumentException e) {
            throw new CowException(source + " has a damaged COW header: " + e.getMessage(), e);
        }
    }

    private static CowHeader v3(ByteBuffer big, String source, int mtime, int size, int sector, int align, int format,
                                int path) throws CowException {
        int cowFormat = big.getInt(format);
        if (cowFormat != COW_FORMAT_BITMAP) {
            throw new CowException(source + " uses COW format " + cowFormat + "; only the bitmap format (0) exists");
        }
        return new CowHeader(path == V3_PATH_OFFSET ? CowVersion.V3 : CowVersion.V3_64BIT_LAYOUT,
                path(big, path, PATH_LENGTH), Integer.toUnsignedLong(big.getInt(mtime)), big.getLong(size),
                big.getInt(sector), big.getInt(align));
    }

    /** The kernel's own v3 header; the path field is zero-filled after its terminating NUL. */
    static ByteBuffer encodeV3(CowHeader header) throws CowException {
        if (header.version() != CowVersion.V3) {
            throw new IllegalArgumentException("only version 3 headers are written, not " + header.version());
        }
        byte[] path = header.backingFile().getBytes(PATH_CHARSET);
        if (path.length > PATH_LENGTH - 1) {
            throw new CowException("The backing file's path is too long for a COW header (" + path.length
                    + " bytes; at most " + (PATH_LENGTH - 1) + "): " + header.backingFile());
        }
        ByteBuffer b = ByteBuffer.allocate(CowVersion.V3.headerLength()).order(ByteOrder.BIG_ENDIAN);
        b.putInt(MAGIC).putInt(CowVersion.V3.number()).putInt((int) header.mtime()).putLong(header.size())
                .putInt(header.sectorSize()).putInt(header.alignment()).putInt(COW_FORMAT_BITMAP).put(path);
        return b.clear();
    }

    /** The path up to its NUL (or the whole field if there is none). */
    private static String path(ByteBuffer b, int offset, int length) {
        int end = offset;
        while (end < offset + length && b.get(end) != 0) {
            end++;
        }
        byte[] raw = new byte[end - offset];
        b.get(offset, raw);
        return new String(raw, PATH_CHARSET);
    }

    private static Charset pathCharset() {
        try {
            return Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }
}
