package org.umlmanager.cow;

/** The COW header layouts the kernel and uml_moo read (only {@link #V3} is written today). */
public enum CowVersion {
    /** Native byte order, 256-byte backing path. */
    V1(1, 280),
    /** Big-endian, 4096-byte backing path. */
    V2(2, 4120),
    /** Big-endian, packed, with alignment and format fields: what 6.1 writes. */
    V3(3, 4128),
    /**
     * Version 3 as written by 64-bit binaries before Dec 2005: unpacked, with a 64-bit mtime.
     * Recognised by a zero {@code cow_format} landing on the first bytes of the backing path.
     */
    V3_64BIT_LAYOUT(3, 4136);

    private final int number;
    private final int headerLength;

    CowVersion(int number, int headerLength) {
        this.number = number;
        this.headerLength = headerLength;
    }

    /** The number stored in the header's version field. */
    public int number() {
        return number;
    }

    /** Bytes the header occupies (the packed struct size; the padded one for the 64-bit layout). */
    public int headerLength() {
        return headerLength;
    }
}
