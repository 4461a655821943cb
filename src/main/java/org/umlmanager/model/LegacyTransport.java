package org.umlmanager.model;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The transports of the legacy {@code ethN=} driver that the 6.1 kernel still has. Fields are
 * positional on the command line; an empty one keeps the kernel's default.
 */
public sealed interface LegacyTransport {

    /** Runs the {@code visitor}'s method for this transport. */
    <R> R accept(Visitor<R> visitor);

    /**
     * One method per transport: adding a transport adds a method here, so every visitor (the parser,
     * generator, validator, storage and editor each have one) stops compiling until it handles it.
     */
    interface Visitor<R> {
        R tuntap(Tuntap x);
        R ethertap(Ethertap x);
        R daemon(Daemon x);
        R mcast(Mcast x);
        R ucast(Ucast x);
        R vde(Vde x);
        R slirp(Slirp x);
        R slip(Slip x);
        R pcap(Pcap x);
    }

    /** The transport's name, the first field of {@code ethN=}. */
    String name();

    record Tuntap(Optional<String> devName, Optional<String> mac, Optional<String> gateAddr)
            implements LegacyTransport {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.tuntap(this);
        }

        public String name() {
            return "tuntap";
        }
    }

    record Ethertap(Optional<String> devName, Optional<String> mac, Optional<String> gateAddr)
            implements LegacyTransport {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.ethertap(this);
        }

        public String name() {
            return "ethertap";
        }
    }

    record Daemon(Optional<String> mac, Optional<String> sockType, Optional<String> ctlSock)
            implements LegacyTransport {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.daemon(this);
        }

        public String name() {
            return "daemon";
        }
    }

    record Mcast(Optional<String> mac, Optional<String> addr, OptionalInt port, OptionalInt ttl)
            implements LegacyTransport {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.mcast(this);
        }

        public String name() {
            return "mcast";
        }
    }

    record Ucast(Optional<String> mac, Optional<String> remoteAddr, OptionalInt localPort, OptionalInt remotePort)
            implements LegacyTransport {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.ucast(this);
        }

        public String name() {
            return "ucast";
        }
    }

    record Vde(Optional<String> socket, Optional<String> mac, OptionalInt port, Optional<String> group,
               Optional<String> mode, Optional<String> description) implements LegacyTransport {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.vde(this);
        }

        public String name() {
            return "vde";
        }
    }

    /** {@code argv} is the slirp helper's command line; {@code _} in it stands for a space. */
    record Slirp(Optional<String> mac, List<String> argv) implements LegacyTransport {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.slirp(this);
        }

        public Slirp {
            argv = List.copyOf(argv);
        }

        public String name() {
            return "slirp";
        }
    }

    record Slip(Optional<String> gateAddr) implements LegacyTransport {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.slip(this);
        }

        public String name() {
            return "slip";
        }
    }

    /** Known to the grammar but not built into Debian's 6.1 kernel; the validator refuses it. */
    record Pcap(Optional<String> hostIf, Optional<String> filter, List<String> options, Optional<String> mac)
            implements LegacyTransport {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.pcap(this);
        }

        public Pcap {
            options = List.copyOf(options);
        }

        public String name() {
            return "pcap";
        }
    }
}
