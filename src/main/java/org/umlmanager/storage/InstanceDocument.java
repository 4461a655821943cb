package org.umlmanager.storage;

import java.util.LinkedHashMap;
import java.util.List;

/**
 * Schema of one instance file. Null means "absent": an empty optional, an empty list or map.
 * Field names are the file format; renaming one is a schema change.
 */
record InstanceDocument(Integer schemaVersion, String name, String umid, String kernel, String memory,
                        String root, String init, List<DiskDocument> disks, List<NetworkDocument> networks,
                        List<ConsoleLineDocument> consoles, HostfsDocument hostfs, String umlDir,
                        List<String> extraArgs, LinkedHashMap<String, String> environment, String cpuPinning,
                        String notes, AgentDocument agent) {

    /** Flags are written as words, not letters or enum constant names, so both can change freely. */
    record DiskDocument(Integer unit, String image, String cowFile, List<String> flags, String serial) {
    }

    record HostfsDocument(String directory, Boolean append) {
    }

    /** Schema version 2: the serial line of the command agent in a guest UML Manager made. */
    record AgentDocument(Integer serialLine) {
    }

    /** {@code index} absent: the default of every line of {@code kind} ({@code con=}, {@code ssl=}). */
    record ConsoleLineDocument(String kind, Integer index, LineSpecDocument spec) {
    }
}
