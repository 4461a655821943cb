package org.umlmanager.model;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** The transport of a vector interface with its own typed options; one record per transport. */
public sealed interface VectorTransport {

    /** Runs the {@code visitor}'s method for this transport. */
    <R> R accept(Visitor<R> visitor);

    /**
     * One method per transport: adding a transport adds a method here, so every visitor (the parser,
     * generator, validator, storage and editor each have one) stops compiling until it handles it.
     */
    interface Visitor<R> {
        R tap(Tap x);
        R hybrid(Hybrid x);
        R raw(Raw x);
        R gre(Gre x);
        R l2tpv3(L2tpv3 x);
        R bess(Bess x);
        R fd(Fd x);
        R vde(Vde x);
    }

    /** The {@code transport=} value. */
    String name();

    /** A host tap device; without {@code ifname} the kernel creates a random non-persistent one. */
    record Tap(Optional<String> ifname) implements VectorTransport {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.tap(this);
        }

        public String name() {
            return "tap";
        }
    }

    /** tap for transmit, a raw socket for receive; {@code ifname} is required. */
    record Hybrid(Optional<String> ifname) implements VectorTransport {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.hybrid(this);
        }

        public String name() {
            return "hybrid";
        }
    }

    /** An AF_PACKET raw socket bound to {@code ifname} (required), usually one end of a veth pair. */
    record Raw(Optional<String> ifname) implements VectorTransport {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.raw(this);
        }

        public String name() {
            return "raw";
        }
    }

    /** Ethernet over GRE; keys must be given in pairs. */
    record Gre(Optional<String> src, Optional<String> dst, Optional<Boolean> v6, OptionalLong rxKey,
               OptionalLong txKey, Optional<Boolean> sequence, Optional<Boolean> pinSequence)
            implements VectorTransport {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.gre(this);
        }

        public String name() {
            return "gre";
        }
    }

    /** Ethernet over L2TPv3; both sessions are required and must be at most 0x7fffffff. */
    record L2tpv3(Optional<String> src, Optional<String> dst, OptionalInt srcport, OptionalInt dstport,
                  Optional<Boolean> v6, Optional<Boolean> udp, OptionalLong rxSession, OptionalLong txSession,
                  OptionalLong rxCookie, OptionalLong txCookie, Optional<Boolean> cookie64,
                  Optional<Boolean> counter, Optional<Boolean> pinCounter) implements VectorTransport {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.l2tpv3(this);
        }

        public String name() {
            return "l2tpv3";
        }
    }

    /** A BESS switch port over an AF_UNIX SOCK_SEQPACKET socket; {@code dst} is required. */
    record Bess(Optional<String> src, Optional<String> dst) implements VectorTransport {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.bess(this);
        }

        public String name() {
            return "bess";
        }
    }

    /**
     * A VDE connection ({@code vnl=}, a VDE network locator such as {@code vde:///run/switch} or
     * {@code slirp://}); Linux 6.16 and newer, which replaced the legacy {@code ethN=vde} with it.
     */
    record Vde(Optional<String> vnl) implements VectorTransport {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.vde(this);
        }

        public String name() {
            return "vde";
        }
    }

    /** An already open file descriptor inherited from the launcher. */
    record Fd(OptionalInt fd) implements VectorTransport {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.fd(this);
        }

        public String name() {
            return "fd";
        }
    }
}
