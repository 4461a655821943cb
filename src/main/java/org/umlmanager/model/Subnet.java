package org.umlmanager.model;

import java.util.Objects;
import java.util.Optional;

/**
 * An IPv4 network such as {@code 10.0.2.0/24}: its first address and its prefix length. Only
 * networks whose host bits are zero exist; {@link #parse} says how to write one that is not.
 */
public record Subnet(Ipv4Address network, int prefix) {

    public Subnet {
        Objects.requireNonNull(network, "network");
        if (prefix < 0 || prefix > 32) {
            throw new IllegalArgumentException("prefix length " + prefix + " is not between 0 and 32");
        }
        if ((network.bits() & ~mask(prefix)) != 0) {
            throw new IllegalArgumentException(network + "/" + prefix + " has host bits set");
        }
    }

    /** The subnet of {@code CIDR} text, or why it is not one (a sentence naming the fix). */
    public static Result parse(String text) {
        String t = text == null ? "" : text.strip();
        int slash = t.indexOf('/');
        if (slash < 0) {
            return Result.problem("'" + t + "' has no prefix length; write the network as ADDRESS/PREFIX, such as"
                    + " 10.0.3.0/24");
        }
        Optional<Ipv4Address> address = Ipv4Address.parse(t.substring(0, slash));
        if (address.isEmpty()) {
            return Result.problem("'" + t.substring(0, slash) + "' is not an IPv4 address; write the network as"
                    + " ADDRESS/PREFIX, such as 10.0.3.0/24");
        }
        String p = t.substring(slash + 1);
        if (p.isEmpty() || p.length() > 2 || !p.chars().allMatch(Character::isDigit) || Integer.parseInt(p) > 32) {
            return Result.problem("'" + p + "' is not a prefix length; use a number from 0 to 32, such as 24");
        }
        int prefix = Integer.parseInt(p);
        int bits = address.get().bits();
        if ((bits & ~mask(prefix)) != 0) {
            Subnet fixed = new Subnet(new Ipv4Address(bits & mask(prefix)), prefix);
            return Result.problem(t + " is an address inside a network, not a network; did you mean " + fixed + "?");
        }
        return new Result(Optional.of(new Subnet(address.get(), prefix)), Optional.empty());
    }

    /** The subnet of valid CIDR text; {@link IllegalArgumentException} with the reason otherwise. */
    public static Subnet of(String text) {
        Result r = parse(text);
        return r.subnet().orElseThrow(() -> new IllegalArgumentException(r.problem().orElseThrow()));
    }

    /** A parsed subnet or why the text is not one. */
    public record Result(Optional<Subnet> subnet, Optional<String> problem) {
        static Result problem(String why) {
            return new Result(Optional.empty(), Optional.of(why));
        }
    }

    private static int mask(int prefix) {
        return prefix == 0 ? 0 : -1 << (32 - prefix);
    }

    /** The netmask as a dotted quad ({@code 255.255.255.0}). */
    public Ipv4Address netmask() {
        return new Ipv4Address(mask(prefix));
    }

    /** How many addresses the subnet spans, network and broadcast included. */
    public long size() {
        return 1L << (32 - prefix);
    }

    /** The address {@code n} places after the network address ({@code host(2)} of 10.0.2.0/24 is 10.0.2.2). */
    public Ipv4Address host(int n) {
        if (n < 0 || n >= size()) {
            throw new IllegalArgumentException("host " + n + " is outside " + this);
        }
        return network.plus(n);
    }

    public Ipv4Address broadcast() {
        return new Ipv4Address(network.bits() | ~mask(prefix));
    }

    public boolean contains(Ipv4Address address) {
        return (address.bits() & mask(prefix)) == network.bits();
    }

    /** Whether an address is a usable host address here: inside, neither the network nor the broadcast address. */
    public boolean isHost(Ipv4Address address) {
        return contains(address) && !address.equals(network) && !address.equals(broadcast());
    }

    public boolean overlaps(Subnet other) {
        int shorter = Math.min(prefix, other.prefix);
        return (network.bits() & mask(shorter)) == (other.network.bits() & mask(shorter));
    }

    @Override
    public String toString() {
        return network + "/" + prefix;
    }
}
