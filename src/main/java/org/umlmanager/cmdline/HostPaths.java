package org.umlmanager.cmdline;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.umlmanager.model.Disk;
import org.umlmanager.model.HostfsShare;
import org.umlmanager.model.Instance;
import org.umlmanager.model.LegacyInterface;
import org.umlmanager.model.NetworkAttachment;
import org.umlmanager.model.NetworkInterface;
import org.umlmanager.model.VectorInterface;
import org.umlmanager.model.VectorOptions;
import org.umlmanager.model.VectorTransport;

/**
 * Makes the host paths of an imported command line absolute. The kernel resolves relative paths
 * against its working directory, so {@code ubd0=Filesystem.img} only works when started from the
 * directory it was written for; a saved instance is started from anywhere, so the import pins
 * the paths to the directory the command line came from and says so.
 */
public final class HostPaths {

    private HostPaths() {
    }

    /** The instance with absolute host paths, and one warning per path that was rewritten. */
    public record Resolution(Instance instance, List<Problem> notes) {
        public Resolution {
            notes = List.copyOf(notes);
        }
    }

    public static Resolution absolutize(Instance instance, Path baseDir) {
        List<Problem> notes = new ArrayList<>();
        Resolver r = new Resolver(baseDir, notes);
        Instance.Builder b = instance.toBuilder();
        if (instance.kernel().contains("/")) {
            b.kernel(r.path("kernel", instance.kernel()));
        }
        instance.umlDir().ifPresent(d -> b.umlDir(r.path("umlDir", d)));
        instance.hostfs().ifPresent(h -> b.hostfs(new HostfsShare(r.path("hostfs", h.directory()), h.append())));
        List<Disk> disks = new ArrayList<>();
        for (int i = 0; i < instance.disks().size(); i++) {
            Disk d = instance.disks().get(i);
            String field = "disks[" + i + "]";
            disks.add(new Disk(d.unit(), r.path(field + ".image", d.image()),
                    d.cowFile().map(c -> r.path(field + ".cowFile", c)), d.flags(), d.serial()));
        }
        b.disks(disks);
        List<NetworkInterface> nets = new ArrayList<>();
        for (int i = 0; i < instance.networks().size(); i++) {
            nets.add(network(instance.networks().get(i), "networks[" + i + "]", r));
        }
        b.networks(nets);
        return new Resolution(b.build(), notes);
    }

    private static NetworkInterface network(NetworkInterface nic, String field, Resolver r) {
        return nic.accept(new NetworkInterface.Visitor<NetworkInterface>() {
            public NetworkInterface vector(VectorInterface v) {
                return HostPaths.vector(v, field, r);
            }

            /** The legacy transports' sockets and devices are kept as written. */
            public NetworkInterface legacy(LegacyInterface l) {
                return l;
            }

            /** A network's name, not a path. */
            public NetworkInterface attachment(NetworkAttachment a) {
                return a;
            }
        });
    }

    private static NetworkInterface vector(VectorInterface v, String field, Resolver r) {
        VectorOptions o = v.options();
        VectorOptions options = new VectorOptions(o.depth(), o.mac(), o.gro(), o.mtu(), o.headroom(), o.vec(),
                o.bpffile().map(f -> r.path(field + ".bpffile", f)),
                o.bpfflash(), o.ifup().map(f -> f.contains("/") ? r.path(field + ".ifup", f) : f), o.extra());
        VectorTransport t = v.transport().accept(new VectorTransport.Visitor<VectorTransport>() {
            public VectorTransport tap(VectorTransport.Tap x) {
                return x;
            }

            public VectorTransport hybrid(VectorTransport.Hybrid x) {
                return x;
            }

            public VectorTransport raw(VectorTransport.Raw x) {
                return x;
            }

            public VectorTransport gre(VectorTransport.Gre x) {
                return x;
            }

            public VectorTransport l2tpv3(VectorTransport.L2tpv3 x) {
                return x;
            }

            /** Its sockets are host paths. */
            public VectorTransport bess(VectorTransport.Bess x) {
                return new VectorTransport.Bess(x.src().map(s -> r.path(field + ".src", s)),
                        x.dst().map(s -> r.path(field + ".dst", s)));
            }

            public VectorTransport fd(VectorTransport.Fd x) {
                return x;
            }

            /** A VDE locator (vde://DIR, slirp://, …), not a path: kept as written. */
            public VectorTransport vde(VectorTransport.Vde x) {
                return x;
            }
        });
        return new VectorInterface(v.unit(), t, options);
    }

    private record Resolver(Path baseDir, List<Problem> notes) {
        String path(String field, String value) {
            // "~" is not expanded by the kernel either; the validator reports it, so leave it as written.
            if (value.isEmpty() || value.startsWith("~")) {
                return value;
            }
            Optional<Path> p = parse(value);
            if (p.isEmpty() || p.get().isAbsolute()) {
                return value;
            }
            String absolute = baseDir.resolve(p.get()).normalize().toString();
            notes.add(Problem.warning(field, value, "relative path saved as " + absolute
                    + " (resolved against " + baseDir + ", where the kernel would have looked for it)"));
            return absolute;
        }

        private static Optional<Path> parse(String value) {
            try {
                return Optional.of(Path.of(value));
            } catch (InvalidPathException e) {
                return Optional.empty();
            }
        }
    }
}
