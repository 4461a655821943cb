package org.umlmanager.cmdline;

import java.util.Optional;
import org.umlmanager.cmdline.Problem.Severity;
import org.umlmanager.model.ConsoleLine;
import org.umlmanager.model.Disk;
import org.umlmanager.model.HostfsShare;
import org.umlmanager.model.MemorySize;
import org.umlmanager.model.NetworkInterface;

/** What one argv element means to the 6.1 kernel, as far as the model can hold it. */
sealed interface ArgReading {

    record Memory(MemorySize size) implements ArgReading {
    }

    record Umid(String umid) implements ArgReading {
    }

    record UmlDir(String dir) implements ArgReading {
    }

    record Root(String root) implements ArgReading {
    }

    record Init(String init) implements ArgReading {
    }

    record DiskArg(Disk disk) implements ArgReading {
    }

    record NetArg(NetworkInterface nic) implements ArgReading {
    }

    record LineArg(ConsoleLine line) implements ArgReading {
    }

    record Hostfs(HostfsShare share) implements ArgReading {
    }

    /**
     * Not held by a model field: kept verbatim among the extra arguments. {@code diagnosis} says
     * what the kernel does wrong with it, if anything.
     */
    record Verbatim(Optional<Diagnosis> diagnosis) implements ArgReading {
        static final Verbatim FINE = new Verbatim(Optional.empty());

        static Verbatim error(String message) {
            return new Verbatim(Optional.of(new Diagnosis(Severity.ERROR, message)));
        }

        static Verbatim warning(String message) {
            return new Verbatim(Optional.of(new Diagnosis(Severity.WARNING, message)));
        }
    }

    /** Why a verbatim argument is a problem, and how to fix it. */
    record Diagnosis(Severity severity, String message) {
    }
}
