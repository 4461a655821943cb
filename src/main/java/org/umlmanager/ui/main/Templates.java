package org.umlmanager.ui.main;

import java.nio.file.Path;
import java.util.Optional;
import org.umlmanager.model.ConsoleChannel;
import org.umlmanager.model.ConsoleLine;
import org.umlmanager.model.Disk;
import org.umlmanager.model.HostfsShare;
import org.umlmanager.model.Instance;
import org.umlmanager.model.LineKind;
import org.umlmanager.model.LineSpec;
import org.umlmanager.model.MacAddresses;
import org.umlmanager.model.MemorySize;
import org.umlmanager.model.VectorInterface;
import org.umlmanager.model.VectorOptions;
import org.umlmanager.model.VectorTransport;

/** Starting points for New. Neither reaches a host file until the user shares a folder with it. */
public enum Templates {
    BLANK("Blank: memory, one embedded console"),
    SERVER("Server: root disk ubda, tap network with a fresh MAC, console and serial line");

    private final String label;

    Templates(String label) {
        this.label = label;
    }

    /** A new instance named {@code name}; {@code dataDir} holds its images. */
    public Instance create(String name, String kernel, Path dataDir) {
        Instance.Builder b = Instance.builder(name).kernel(kernel).memory(MemorySize.ofMebibytes(256))
                .console(ConsoleLine.allOf(LineKind.CON, LineSpec.of(ConsoleChannel.NULL)))
                .console(ConsoleLine.con(0, LineSpec.of(ConsoleChannel.EMBEDDED)))
                .hostfs(HostfsShare.off());
        if (this == SERVER) {
            b.disk(Disk.of(0, dataDir.resolve("images").resolve(name + ".img").toString()))
                    .network(new VectorInterface(0, new VectorTransport.Tap(Optional.empty()),
                            VectorOptions.NONE.withMac(Optional.of(MacAddresses.random()))))
                    .console(ConsoleLine.allOf(LineKind.SSL, LineSpec.of(ConsoleChannel.NULL)))
                    .console(ConsoleLine.ssl(0, LineSpec.of(ConsoleChannel.EMBEDDED)));
        }
        return b.build();
    }

    @Override
    public String toString() {
        return label;
    }
}
