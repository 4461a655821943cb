package org.umlmanager.model;

import java.util.Objects;
import java.util.Optional;

/** A static IPv4 address of a guest interface with its prefix length: {@code 10.0.3.5/24}. */
public record InterfaceAddress(Ipv4Address address, int prefix) {

    public InterfaceAddress {
        Objects.requireNonNull(address, "address");
        if (prefix < 1 || prefix > 32) {
            throw new IllegalArgumentException("prefix length " + prefix + " is not between 1 and 32");
        }
    }

    /** {@code ADDRESS/PREFIX}, or empty when the text is not one. */
    public static Optional<InterfaceAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int slash = text.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        String p = text.substring(slash + 1);
        if (p.isEmpty() || p.length() > 2 || !p.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        int prefix = Integer.parseInt(p);
        if (prefix < 1 || prefix > 32) {
            return Optional.empty();
        }
        return Ipv4Address.parse(text.substring(0, slash)).map(a -> new InterfaceAddress(a, prefix));
    }

    /** The network the address is in. */
    public Subnet subnet() {
        int mask = prefix == 0 ? 0 : -1 << (32 - prefix);
        return new Subnet(new Ipv4Address(address.bits() & mask), prefix);
    }

    @Override
    public String toString() {
        return address + "/" + prefix;
    }
}
