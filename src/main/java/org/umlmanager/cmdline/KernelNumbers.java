package org.umlmanager.cmdline;

import java.util.OptionalLong;

/**
 * Numbers as the kernel reads them. {@code simple_strtoul(…, 0)} and {@code kstrto*(…, 0)} take a
 * base-0 integer ({@code 0x} hex, a leading {@code 0} octal); {@code kstrto*(…, 10)} only decimal.
 */
final class KernelNumbers {

    private KernelNumbers() {
    }

    /** A whole string as a base-0 unsigned integer ({@code kstrtouint(s, 0)}), or empty. */
    static OptionalLong base0(String s) {
        if (s.isEmpty()) {
            return OptionalLong.empty();
        }
        int radix = 10;
        int start = 0;
        if ((s.startsWith("0x") || s.startsWith("0X")) && s.length() > 2) {
            radix = 16;
            start = 2;
        } else if (s.length() > 1 && s.charAt(0) == '0') {
            radix = 8;
            start = 1;
        }
        return digits(s.substring(start), radix);
    }

    /** A base-0 integer that may carry a minus sign ({@code kstrtoint(s, 0)}), or empty. */
    static OptionalLong signedBase0(String s) {
        if (s.startsWith("-")) {
            OptionalLong v = base0(s.substring(1));
            return v.isPresent() ? OptionalLong.of(-v.getAsLong()) : v;
        }
        return base0(s.startsWith("+") ? s.substring(1) : s);
    }

    /** A whole string as a decimal unsigned integer ({@code kstrtoul(s, 10)}), or empty. */
    static OptionalLong decimal(String s) {
        return digits(s.startsWith("+") ? s.substring(1) : s, 10);
    }

    /**
     * The leading base-0 number of {@code s} as {@code simple_strtoul(s, &end, 0)} reads it.
     *
     * @return the value and the index where the digits end, or empty when there are no digits
     */
    static Prefix prefix(String s) {
        int radix = 10;
        int start = 0;
        if (s.length() > 2 && s.charAt(0) == '0' && (s.charAt(1) == 'x' || s.charAt(1) == 'X')
                && isDigit(s.charAt(2), 16)) {
            radix = 16;
            start = 2;
        } else if (!s.isEmpty() && s.charAt(0) == '0') {
            radix = 8;
        }
        int end = start;
        while (end < s.length() && isDigit(s.charAt(end), radix)) {
            end++;
        }
        if (end == 0 || end == start) {
            return null;
        }
        OptionalLong v = digits(s.substring(start, end), radix);
        return v.isPresent() ? new Prefix(v.getAsLong(), end) : null;
    }

    record Prefix(long value, int end) {
    }

    private static OptionalLong digits(String s, int radix) {
        if (s.isEmpty()) {
            return OptionalLong.empty();
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isDigit(s.charAt(i), radix)) {
                return OptionalLong.empty();
            }
        }
        try {
            return OptionalLong.of(Long.parseLong(s, radix));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** ASCII digits only: the kernel does not know other scripts' digits. */
    private static boolean isDigit(char c, int radix) {
        return c < 128 && Character.digit(c, radix) >= 0;
    }
}
