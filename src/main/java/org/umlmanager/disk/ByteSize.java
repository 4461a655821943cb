package org.umlmanager.disk;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A disk size in bytes, written the way people type it: {@code 16G}, {@code 512M},
 * {@code 1.5G}, {@code 4096}. Units are binary (1K = 1024); an optional {@code B} or
 * {@code iB} may follow them ({@code 512MiB}).
 *
 * @param bytes the size, never negative
 */
public record ByteSize(long bytes) {

    private static final Pattern SYNTAX = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([KMGTP]?)(I?B)?");
    private static final String UNITS = "KMGTP";

    public ByteSize {
        if (bytes < 0) {
            throw new IllegalArgumentException("a size cannot be negative: " + bytes);
        }
    }

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException with a message that quotes the text and shows the syntax
     */
    public static ByteSize parse(String text) {
        String s = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        Matcher m = SYNTAX.matcher(s);
        if (!m.matches() || (m.group(2).isEmpty() && "IB".equals(m.group(3)))) {
            throw new IllegalArgumentException("Invalid size '" + text + "': expected a number with an optional unit"
                    + " K, M, G or T (binary, 1G = 1024M), for example 16G or 512M");
        }
        int shift = m.group(2).isEmpty() ? 0 : 10 * (UNITS.indexOf(m.group(2)) + 1);
        BigDecimal value = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(2).pow(shift));
        if (value.scale() > 0 && value.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("Invalid size '" + text + "': it is not a whole number of bytes");
        }
        if (value.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("Invalid size '" + text + "': too large");
        }
        return new ByteSize(value.longValueExact());
    }

    /** {@code 16 GiB}, {@code 1.5 GiB}, {@code 100 bytes}: short and readable, not necessarily exact. */
    public static String format(long bytes) {
        if (bytes < 1024) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        int unit = Math.min((63 - Long.numberOfLeadingZeros(bytes)) / 10, UNITS.length());
        double value = bytes / (double) (1L << (10 * unit));
        String number = value >= 100 || value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.1f", value);
        return number + " " + UNITS.charAt(unit - 1) + "iB";
    }

    @Override
    public String toString() {
        return format(bytes);
    }
}
