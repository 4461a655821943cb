package org.umlmanager.storage;

import static org.umlmanager.storage.Nullables.elements;
import static org.umlmanager.storage.Nullables.entries;
import static org.umlmanager.storage.Nullables.opt;
import static org.umlmanager.storage.Nullables.orNull;
import static org.umlmanager.storage.Nullables.require;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.umlmanager.model.AgentLine;
import org.umlmanager.model.ConsoleLine;
import org.umlmanager.model.Disk;
import org.umlmanager.model.DiskFlag;
import org.umlmanager.model.HostfsShare;
import org.umlmanager.model.Instance;
import org.umlmanager.model.MemorySize;
import org.umlmanager.model.NetworkInterface;
import org.umlmanager.storage.InstanceDocument.DiskDocument;
import org.umlmanager.storage.InstanceDocument.HostfsDocument;

/** Instances between the model and their documents. */
final class InstanceMapper {

    /** The file format's names of the disk flags: stable even if the enum's constants are renamed. */
    private static final Map<DiskFlag, String> FLAG_NAMES = new EnumMap<>(Map.of(
            DiskFlag.READ_ONLY, "read-only",
            DiskFlag.SYNC, "sync",
            DiskFlag.SHARED, "shared",
            DiskFlag.DATA, "data",
            DiskFlag.NO_TRIM, "no-trim"));

    private InstanceMapper() {
    }

    static InstanceDocument toDocument(Instance i, int schemaVersion) {
        List<DiskDocument> disks = i.disks().stream().map(InstanceMapper::toDocument).toList();
        List<NetworkDocument> networks = i.networks().stream().map(NetworkMapper::toDocument).toList();
        List<InstanceDocument.ConsoleLineDocument> consoles =
                i.consoles().stream().map(ConsoleMapper::toDocument).toList();
        HostfsDocument hostfs = i.hostfs().map(h -> new HostfsDocument(h.directory(), h.append())).orElse(null);
        return new InstanceDocument(schemaVersion, i.name(), i.umid(), i.kernel(),
                i.memory().map(MemorySize::toKernelString).orElse(null), orNull(i.root()), orNull(i.init()),
                disks, networks, consoles, hostfs, orNull(i.umlDir()), i.extraArgs(),
                new LinkedHashMap<>(i.environment()), orNull(i.cpuPinning()), i.notes(),
                i.agent().map(a -> new InstanceDocument.AgentDocument(a.index())).orElse(null));
    }

    /** The instance a document describes; its name is {@code name} (the file's), not the document's. */
    static Instance toModel(InstanceDocument d, String name) throws DocumentFormatException {
        Instance.Builder b = Instance.builder(name)
                .umid(require(d.umid(), "umid"))
                .kernel(require(d.kernel(), "kernel"))
                .memory(memory(d.memory()))
                .root(d.root())
                .init(d.init())
                .umlDir(d.umlDir())
                .extraArgs(elements(d.extraArgs(), "extraArgs"))
                .environment(entries(d.environment(), "environment"))
                .cpuPinning(d.cpuPinning())
                .notes(d.notes());
        List<DiskDocument> disks = elements(d.disks(), "disks");
        for (int k = 0; k < disks.size(); k++) {
            b.disk(toModel(disks.get(k), "disks[" + k + "]"));
        }
        List<NetworkDocument> networks = elements(d.networks(), "networks");
        List<NetworkInterface> nets = new ArrayList<>();
        for (int k = 0; k < networks.size(); k++) {
            nets.add(NetworkMapper.toModel(networks.get(k), "networks[" + k + "]"));
        }
        b.networks(nets);
        List<InstanceDocument.ConsoleLineDocument> consoles = elements(d.consoles(), "consoles");
        List<ConsoleLine> lines = new ArrayList<>();
        for (int k = 0; k < consoles.size(); k++) {
            lines.add(ConsoleMapper.toModel(consoles.get(k), "consoles[" + k + "]"));
        }
        b.consoles(lines);
        if (d.agent() != null) {
            int line = require(d.agent().serialLine(), "agent.serialLine");
            try {
                b.agent(new AgentLine(line));
            } catch (IllegalArgumentException e) {
                throw new DocumentFormatException("agent.serialLine: " + e.getMessage());
            }
        }
        if (d.hostfs() != null) {
            b.hostfs(new HostfsShare(require(d.hostfs().directory(), "hostfs.directory"),
                    Boolean.TRUE.equals(d.hostfs().append())));
        }
        return b.build();
    }

    private static Optional<MemorySize> memory(String text) throws DocumentFormatException {
        if (text == null) {
            return Optional.empty();
        }
        return Optional.of(MemorySize.parse(text).orElseThrow(() -> new DocumentFormatException(
                "memory is '" + text + "'; expected a size such as 256M or 1G")));
    }

    private static DiskDocument toDocument(Disk disk) {
        List<String> flags = disk.flags().stream().map(FLAG_NAMES::get).toList();
        return new DiskDocument(disk.unit(), disk.image(), orNull(disk.cowFile()), flags, orNull(disk.serial()));
    }

    private static Disk toModel(DiskDocument d, String path) throws DocumentFormatException {
        Set<DiskFlag> flags = EnumSet.noneOf(DiskFlag.class);
        for (String word : elements(d.flags(), path + ".flags")) {
            flags.add(FLAG_NAMES.entrySet().stream().filter(e -> e.getValue().equals(word)).map(Map.Entry::getKey)
                    .findFirst().orElseThrow(() -> new DocumentFormatException(path + ".flags has '" + word
                            + "'; expected some of " + String.join(", ", FLAG_NAMES.values()))));
        }
        return new Disk(require(d.unit(), path + ".unit"), require(d.image(), path + ".image"), opt(d.cowFile()),
                flags, opt(d.serial()));
    }
}
