package org.umlmanager.cmdline;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.umlmanager.model.Disk;
import org.umlmanager.model.DiskFlag;

/** {@code ubd<unit><flags>=file[,backing[,serial]]} in both directions (docs/KERNEL.md §3.4). */
final class DiskArgs {

    /** The kernel's flag loop runs at most {@code sizeof("rscdt=")} times, '=' included. */
    private static final int FLAG_LOOP = 7;

    private DiskArgs() {
    }

    /** Reads the text after {@code ubd}, the way {@code ubd_setup_common} does. */
    static ArgReading read(String arg) {
        String rest = arg.substring("ubd".length());
        if (rest.startsWith("=")) {
            return rest.equals("=sync") ? ArgReading.Verbatim.FINE
                    : ArgReading.Verbatim.warning("6.1 ignores ubd=" + rest.substring(1)
                    + " (no fake major any more); only ubd=sync (all disks synchronous) means something");
        }
        int unit;
        int pos;
        if (!rest.isEmpty() && rest.charAt(0) >= '0' && rest.charAt(0) <= '9') {
            KernelNumbers.Prefix p = KernelNumbers.prefix(rest);
            if (p == null || p.value() > Integer.MAX_VALUE) {
                return ArgReading.Verbatim.error("disk number " + rest.split("[^0-9a-fA-Fx]", 2)[0] + " is out of"
                        + " range; the kernel refuses the disk. Use ubd0= … ubd15=");
            }
            unit = (int) p.value();
            pos = p.end();
        } else if (!rest.isEmpty() && rest.charAt(0) >= 'a' && rest.charAt(0) <= 'z') {
            unit = rest.charAt(0) - 'a';
            pos = 1;
        } else {
            return unitError();
        }
        Set<DiskFlag> flags = EnumSet.noneOf(DiskFlag.class);
        int eq = -1;
        for (int i = 0; i < FLAG_LOOP && pos + i < rest.length(); i++) {
            char c = rest.charAt(pos + i);
            if (c == '=') {
                eq = pos + i;
                break;
            }
            Optional<DiskFlag> flag = DiskFlag.ofLetter(c);
            if (flag.isEmpty() && unit >= Disk.MAX_UNITS) {
                return unitError();
            }
            if (flag.isEmpty()) {
                return ArgReading.Verbatim.error("'" + c + "' is not a disk flag; the kernel refuses the disk."
                        + " Write ubd" + unit + "=FILE, with flags only from r, s, c, d, t before '='");
            }
            flags.add(flag.get());
        }
        if (eq < 0) {
            return ArgReading.Verbatim.error(rest.indexOf('=') < 0
                    ? "missing '=': the kernel refuses the disk. Write ubd" + unit + "=FILE"
                    : "too many flag letters: the kernel refuses the disk. Give each of r, s, c, d, t at most once");
        }
        String[] fields = rest.substring(eq + 1).split("[,:]", 4);
        String file = fields[0];
        String backing = fields.length > 1 ? fields[1] : "";
        String serial = fields.length > 2 ? fields[2] : "";
        if (fields.length > 3) {
            return ArgReading.Verbatim.warning("the kernel ignores '" + fields[3] + "' after the serial number;"
                    + " remove it (file names cannot contain ',' or ':')");
        }
        if (file.isEmpty()) {
            return ArgReading.Verbatim.error("no file given, so the kernel leaves the unit empty"
                    + (unit == 0 ? " and looks for ./root_fs instead" : "") + "; write ubd" + unit + "=IMAGE");
        }
        Optional<String> serialOpt = serial.isEmpty() ? Optional.empty() : Optional.of(serial);
        if (backing.isEmpty()) {
            return new ArgReading.DiskArg(new Disk(unit, file, Optional.empty(), flags, serialOpt));
        }
        return new ArgReading.DiskArg(new Disk(unit, backing, Optional.of(file), flags, serialOpt));
    }

    /** Not a disk at all (ubdroot=x): the kernel logs it and boots on, and init never sees it. */
    private static ArgReading unitError() {
        return ArgReading.Verbatim.warning("no disk number after 'ubd': the kernel's disk driver takes every option"
                + " starting with 'ubd', refuses this one (it logs it and boots on), so it never reaches the guest's"
                + " init. Write ubd0= … ubd15= (or ubda= … ubdp=) for a disk, or rename it");
    }

    /** The option for {@code disk}: COW file first, then the backing image, then the serial. */
    static String write(Disk disk) {
        StringBuilder sb = new StringBuilder("ubd").append(disk.unit());
        for (DiskFlag f : DiskFlag.values()) {
            if (disk.flags().contains(f)) {
                sb.append(f.letter());
            }
        }
        sb.append('=');
        if (disk.cowFile().isPresent()) {
            sb.append(disk.cowFile().get()).append(',').append(disk.image());
        } else {
            sb.append(disk.image());
            if (disk.serial().isPresent()) {
                sb.append(',');
            }
        }
        disk.serial().ifPresent(s -> sb.append(',').append(s));
        return sb.toString();
    }
}
