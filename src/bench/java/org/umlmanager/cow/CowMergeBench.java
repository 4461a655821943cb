package org.umlmanager.cow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.umlmanager.disk.DiskImages;
import org.umlmanager.testing.UmlKernel;
import org.umlmanager.job.ProgressListener;
import org.umlmanager.job.Cancellation;

/**
 * Merging a 1 GiB disk with 25% of its sectors changed: our merge against {@code uml_moo} and
 * against {@code cp --sparse=always} of the merged result (the cost of just copying the data),
 * in both modes. The backing file is a real ext4 filesystem filled from the host's JDK
 * directory; the changes are runs of 4 KiB to 2 MiB of real data taken from elsewhere in it.
 * Every contestant runs several times in rotation, each run after a {@code sync} with its output
 * removed, so that all see the same page-cache state (inputs cached, no pending writeback).
 * Target: our median at least as fast as uml_moo's. Results go to {@code bench-results/cow-merge.txt}.
 */
class CowMergeBench {

    private static final long SIZE = 1L << 30;
    private static final double CHANGED = 0.25;
    private static final int RUNS = 5;
    private static final int SECTOR = 512;

    @Test
    void mergeAgainstUmlMooAndCp() throws Exception {
        Path umlMoo = UmlKernel.requireTool("uml_moo", "apt-get install uml-utilities");
        Path mkfs = UmlKernel.requireMkfsExt4();
        Path work = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "cow-bench");
        try {
            Path source = Path.of("/usr/lib/jvm");
            if (!Files.isDirectory(source)) {
                source = Path.of(System.getProperty("java.home"));
            }
            Path backing = work.resolve("base.img");
            run(mkfs.toString(), "-q", "-F", "-d", source.toString(), backing.toString(), "1G");
            Path cow = work.resolve("vm.cow");
            CowHeader header = CowFiles.create(cow, backing);
            long changed = scribble(cow, header, backing);
            Path reference = work.resolve("reference.img");
            run(umlMoo.toString(), cow.toString(), reference.toString());

            Map<String, Contestant> contestants = new LinkedHashMap<>();
            contestants.put("uml_moo COW NEW", out -> run(umlMoo.toString(), cow.toString(), out.toString()));
            contestants.put("ours, new file", out -> CowMerger.mergeToNew(cow, out,
                    new MergeOptions(Optional.empty(), false, false), ProgressListener.NONE, Cancellation.none()));
            contestants.put("ours, new file + fsync", out -> CowMerger.mergeToNew(cow, out, MergeOptions.defaults(),
                    ProgressListener.NONE, Cancellation.none()));
            contestants.put("cp --sparse=always MERGED", out -> run("cp", "--sparse=always", reference.toString(),
                    out.toString()));
            contestants.put("uml_moo -d (in place)", out -> run(umlMoo.toString(), "-d", "-b", out.toString(),
                    cow.toString()));
            contestants.put("ours, in place", out -> CowMerger.mergeInPlace(CowMerger.planInPlace(cow,
                    Optional.of(out), List.of()), true, ProgressListener.NONE, Cancellation.none()));

            Map<String, List<Long>> times = new LinkedHashMap<>();
            contestants.keySet().forEach(k -> times.put(k, new ArrayList<>()));
            List<String> names = new ArrayList<>(contestants.keySet());
            for (int round = 0; round < RUNS; round++) {
                for (int i = 0; i < names.size(); i++) {
                    String name = names.get((i + round) % names.size());
                    Path out = work.resolve("out.img");
                    if (name.contains("in place")) {
                        run("cp", "-p", "--sparse=always", backing.toString(), out.toString());
                    }
                    run("sync");
                    long t0 = System.nanoTime();
                    contestants.get(name).merge(out);
                    times.get(name).add(System.nanoTime() - t0);
                    assertThat(Files.mismatch(out, reference)).as(name + " output").isEqualTo(-1L);
                    Files.delete(out);
                }
            }
            String report = report(times, source, backing, header, changed);
            Path dir = Path.of(System.getProperty("bench.results", "bench-results"));
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("cow-merge.txt"), report, StandardCharsets.UTF_8);
            org.slf4j.LoggerFactory.getLogger(CowMergeBench.class).info("\n{}", report);
            assertThat(median(times.get("ours, new file"))).as("our merge against uml_moo's")
                    .isLessThanOrEqualTo(median(times.get("uml_moo COW NEW")));
            assertThat(median(times.get("ours, in place"))).as("our in-place merge against uml_moo -d")
                    .isLessThanOrEqualTo(median(times.get("uml_moo -d (in place)")));
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    @FunctionalInterface
    private interface Contestant {
        void merge(Path out) throws Exception;
    }

    /**
     * Writes runs of real data (copied from random places of the backing file) into random
     * places of the COW file until a quarter of the sectors are set, then the bitmap in one go.
     *
     * @return the number of changed sectors
     */
    private static long scribble(Path cow, CowHeader header, Path backing) throws IOException {
        long sectors = header.sectorCount();
        byte[] bitmap = new byte[(int) header.bitmapLength()];
        Random random = new Random(42);
        long set = 0;
        ByteBuffer buffer = ByteBuffer.allocateDirect(4096 * SECTOR);
        try (FileChannel out = FileChannel.open(cow, StandardOpenOption.WRITE);
             FileChannel in = FileChannel.open(backing, StandardOpenOption.READ)) {
            while (set < CHANGED * sectors) {
                int length = 8 << random.nextInt(10);
                long start = (long) (random.nextDouble() * (sectors - length)) / 8 * 8;
                buffer.clear().limit(length * SECTOR);
                in.read(buffer, (long) (random.nextDouble() * (sectors - length)) * SECTOR);
                buffer.flip();
                out.write(buffer, header.dataOffset() + start * SECTOR);
                for (long s = start; s < start + length; s++) {
                    int bit = 1 << (s % 8);
                    if ((bitmap[(int) (s / 8)] & bit) == 0) {
                        bitmap[(int) (s / 8)] |= bit;
                        set++;
                    }
                }
            }
            out.write(ByteBuffer.wrap(bitmap), header.bitmapOffset());
        }
        return set;
    }

    private static String report(Map<String, List<Long>> times, Path source, Path backing, CowHeader header,
                                 long changed) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("COW merge, 1 GiB disk, same inputs, same run (" + Instant.now() + ")");
        lines.add("machine: " + Runtime.getRuntime().availableProcessors() + " cpus, load average "
                + Files.readString(Path.of("/proc/loadavg")).trim());
        lines.add(String.format("backing: ext4 image filled from %s, %d MiB of its 1024 MiB allocated", source,
                DiskImages.allocatedBytes(backing) >> 20));
        lines.add(String.format("COW: %d of %d sectors changed (%.1f%%), runs of 4 KiB to 2 MiB of real data",
                changed, header.sectorCount(), 100.0 * changed / header.sectorCount()));
        lines.add("each: " + RUNS + " runs in rotation, sync before each, output removed after; times in ms");
        lines.add("");
        lines.add(String.format("%-28s %8s %8s %8s", "", "median", "min", "max"));
        times.forEach((name, t) -> lines.add(String.format("%-28s %8.0f %8.0f %8.0f", name, median(t) / 1e6,
                t.stream().mapToLong(Long::longValue).min().orElse(0) / 1e6,
                t.stream().mapToLong(Long::longValue).max().orElse(0) / 1e6)));
        lines.add("");
        lines.add(String.format("new file: ours %.1fx as fast as uml_moo (target >= 1x); in place: %.1fx",
                median(times.get("uml_moo COW NEW")) / median(times.get("ours, new file")),
                median(times.get("uml_moo -d (in place)")) / median(times.get("ours, in place"))));
        lines.add("");
        return String.join("\n", lines);
    }

    private static double median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
    }
}
