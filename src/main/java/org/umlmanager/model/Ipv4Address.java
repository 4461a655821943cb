package org.umlmanager.model;

import java.util.Optional;

/** An IPv4 address as its 32 bits; written and read as a dotted quad such as {@code 10.0.2.15}. */
public record Ipv4Address(int bits) implements Comparable<Ipv4Address> {

    /** The address of a dotted quad, or empty when {@code text} is not exactly one. */
    public static Optional<Ipv4Address> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        int bits = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)
                    || (part.length() > 1 && part.charAt(0) == '0')) {
                return Optional.empty();
            }
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                return Optional.empty();
            }
            bits = bits << 8 | octet;
        }
        return Optional.of(new Ipv4Address(bits));
    }

    /** The address of a dotted quad; {@link IllegalArgumentException} naming it when it is not one. */
    public static Ipv4Address of(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("'" + text
                + "' is not an IPv4 address such as 10.0.2.15"));
    }

    /** The address {@code n} above this one (wrapping at 32 bits). */
    public Ipv4Address plus(int n) {
        return new Ipv4Address(bits + n);
    }

    /** Unsigned: {@code 10.0.0.0} comes before {@code 192.168.0.0}. */
    @Override
    public int compareTo(Ipv4Address o) {
        return Integer.compareUnsigned(bits, o.bits);
    }

    @Override
    public String toString() {
        return (bits >>> 24) + "." + (bits >>> 16 & 255) + "." + (bits >>> 8 & 255) + "." + (bits & 255);
    }
}
