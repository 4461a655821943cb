package org.umlmanager.provision;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How the guest configures one of its network interfaces at boot ({@code /etc/network/interfaces}).
 *
 * @param device     the guest's interface name, {@code vec0} or {@code eth0}
 * @param addressing where its address comes from
 */
public record GuestNetwork(String device, Addressing addressing) {

    private static final Pattern DEVICE = Pattern.compile("(vec|eth)\\d{1,2}");

    public GuestNetwork {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(addressing, "addressing");
        if (!DEVICE.matcher(device).matches()) {
            throw new IllegalArgumentException("guest interface '" + device + "' is not vecN or ethN");
        }
    }

    public static GuestNetwork dhcp(String device) {
        return new GuestNetwork(device, new Addressing.Dhcp());
    }

    /** Where an interface's address comes from. */
    public sealed interface Addressing {

        /** Asked from a DHCP server on the link; boot does not wait for an answer. */
        record Dhcp() implements Addressing {
        }

        /**
         * A fixed IPv4 address.
         *
         * @param address  dotted quad, e.g. {@code 10.0.2.15}
         * @param prefix   the network prefix length, 1–32
         * @param gateway  the default router, if any
         */
        record Static(String address, int prefix, Optional<String> gateway) implements Addressing {
            private static final Pattern IPV4 = Pattern.compile(
                    "((25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1?\\d?\\d)");

            public Static {
                Objects.requireNonNull(address, "address");
                Objects.requireNonNull(gateway, "gateway");
                if (!IPV4.matcher(address).matches()) {
                    throw new IllegalArgumentException("'" + address + "' is not an IPv4 address such as 10.0.2.15");
                }
                if (prefix < 1 || prefix > 32) {
                    throw new IllegalArgumentException("prefix length " + prefix + " is not between 1 and 32");
                }
                gateway.ifPresent(g -> {
                    if (!IPV4.matcher(g).matches()) {
                        throw new IllegalArgumentException("gateway '" + g + "' is not an IPv4 address");
                    }
                });
            }

            /** The prefix as a dotted netmask, for tools that want one (busybox ifup). */
            public String netmask() {
                long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
                return (mask >> 24 & 255) + "." + (mask >> 16 & 255) + "." + (mask >> 8 & 255) + "." + (mask & 255);
            }
        }

        /** The link is brought up without an address (bridges, experiments). */
        record Manual() implements Addressing {
        }
    }
}
