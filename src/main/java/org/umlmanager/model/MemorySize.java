package org.umlmanager.model;

import java.util.Locale;
import java.util.Optional;

/**
 * An amount of guest memory in bytes, read and written in the kernel's {@code memparse} syntax.
 *
 * @param bytes the size in bytes, never negative
 */
public record MemorySize(long bytes) implements Comparable<MemorySize> {

    private static final String SUFFIXES = "KMGTPE";

    public MemorySize {
        if (bytes < 0) {
            throw new IllegalArgumentException("memory size must not be negative: " + bytes);
        }
    }

    public static MemorySize ofMebibytes(long mib) {
        return new MemorySize(Math.multiplyExact(mib, 1L << 20));
    }

    /**
     * Parses like the kernel's {@code memparse}: a base-0 integer ({@code 0x} hex, a leading
     * {@code 0} octal) and an optional K, M, G, T, P or E suffix in any case. Unlike the kernel,
     * trailing text after the suffix is refused (apart from a {@code B}, as in {@code 64MB}) so
     * that typing mistakes surface instead of silently changing the size.
     *
     * @return the size, or empty when the text is not a valid size
     */
    public static Optional<MemorySize> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip();
        int radix = 10;
        int start = 0;
        if (s.startsWith("0x") || s.startsWith("0X")) {
            radix = 16;
            start = 2;
        } else if (s.length() > 1 && s.charAt(0) == '0' && Character.isDigit(s.charAt(1))) {
            radix = 8;
            start = 1;
        }
        int end = start;
        while (end < s.length() && Character.digit(s.charAt(end), radix) >= 0) {
            end++;
        }
        if (end == start) {
            return Optional.empty();
        }
        long value;
        try {
            value = Long.parseLong(s.substring(start, end), radix);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        String rest = s.substring(end).toUpperCase(Locale.ROOT);
        int shift = 0;
        if (!rest.isEmpty()) {
            int idx = SUFFIXES.indexOf(rest.charAt(0));
            if (idx < 0) {
                return Optional.empty();
            }
            shift = 10 * (idx + 1);
            rest = rest.substring(1);
            if (rest.equals("B") || rest.equals("IB")) {
                rest = "";
            }
        }
        if (!rest.isEmpty()) {
            return Optional.empty();
        }
        if (shift > 0 && value > (Long.MAX_VALUE >> shift)) {
            return Optional.empty();
        }
        return Optional.of(new MemorySize(value << shift));
    }

    /** The shortest exact kernel spelling: {@code 256M}, {@code 2G}, {@code 1536K}, {@code 1000}. */
    public String toKernelString() {
        if (bytes == 0) {
            return "0";
        }
        for (int i = SUFFIXES.length() - 1; i >= 0; i--) {
            int shift = 10 * (i + 1);
            if (bytes % (1L << shift) == 0) {
                return (bytes >> shift) + String.valueOf(SUFFIXES.charAt(i));
            }
        }
        return Long.toString(bytes);
    }

    public long mebibytes() {
        return bytes >> 20;
    }

    @Override
    public int compareTo(MemorySize o) {
        return Long.compare(bytes, o.bytes);
    }

    @Override
    public String toString() {
        return toKernelString();
    }
}
