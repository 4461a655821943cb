package org.umlmanager.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.umlmanager.mconsole.MconsoleReply;

/**
 * The sampler over a /proc of its own making: a guest's CPU is its UML process and everything
 * under it (reaped children included), per second between two looks, in cores; its memory is
 * MemTotal − MemAvailable of its meminfo, reported at the tick after the answer.
 */
class UsageSamplerTest {

    @TempDir
    Path proc;

    /** A stat line as the kernel writes it: a name with a space and a parenthesis, then the fields. */
    private void stat(long pid, long ppid, long utime, long stime, long cutime, long cstime) throws Exception {
        Files.createDirectories(proc.resolve(Long.toString(pid)));
        Files.writeString(proc.resolve(pid + "/stat"), pid + " (linux (x) y) S " + ppid + " 1 1 0 -1 4194560 0 0 0 0 "
                + utime + " " + stime + " " + cutime + " " + cstime + " 20 0 1 0 100 1000 10 1844674407370955\n");
    }

    @Test
    void cpuIsTheWholeProcessTreePerSecondAndMemoryIsWhatTheGuestUses() throws Exception {
        stat(100, 1, 10, 5, 0, 0);      // the UML kernel
        stat(101, 100, 20, 0, 0, 0);    // a guest process
        stat(102, 101, 3, 2, 0, 0);     // and one under it
        stat(200, 1, 999, 999, 0, 0);   // somebody else's
        Instant[] now = {Instant.parse("2026-01-01T00:00:00Z")};
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        String meminfo = "MemTotal:          32000 kB\nMemFree:           20000 kB\nMemAvailable:      24000 kB\n";
        AtomicReference<List<GuestUsage>> last = new AtomicReference<>();
        try (UsageSampler sampler = new UsageSampler(() -> Map.of("web", 100L),
                name -> CompletableFuture.completedFuture(new MconsoleReply(0, meminfo)), last::set, proc, clock)) {
            List<GuestUsage> first = sampler.tick();
            assertThat(first).hasSize(1);
            assertThat(first.get(0).cpu()).as("no rate from one look").isEmpty();

            // Two seconds later the tree used 100 more ticks (1 s of CPU): half a core. Process 101
            // ended and was reaped: its 20 ticks moved into the kernel's cutime.
            now[0] = now[0].plusSeconds(2);
            Files.walk(proc.resolve("101")).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile()
                    .delete());
            stat(100, 1, 60, 25, 20, 0);
            stat(102, 100, 33, 2, 0, 0);
            List<GuestUsage> second = sampler.tick();
            assertThat(second.get(0).cpu().getAsDouble()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(second.get(0).memUsed().getAsLong()).isEqualTo(8000L * 1024);
            assertThat(second.get(0).memTotal().getAsLong()).isEqualTo(32000L * 1024);
        }
    }

    @Test
    void aGuestThatIsGoneHasNoCpuAndAMeminfoWithoutAvailableIsNoMemory() throws Exception {
        try (UsageSampler sampler = new UsageSampler(() -> Map.of("gone", 4242L),
                name -> CompletableFuture.completedFuture(new MconsoleReply(0, "MemTotal: 1 kB\n")), l -> { }, proc,
                Clock.systemUTC())) {
            sampler.tick();
            GuestUsage u = sampler.tick().get(0);
            assertThat(u.cpu()).isEmpty();
            assertThat(u.memUsed()).isEmpty();
        }
    }

    @Test
    void onlyTheGuestsTreesAreReadThroughTheChildrenFiles() throws Exception {
        stat(100, 1, 10, 5, 0, 0);
        stat(101, 100, 20, 0, 0, 0);
        stat(200, 1, 999, 999, 0, 0);
        for (long pid : new long[] {100, 101, 200}) {
            Files.createDirectories(proc.resolve(pid + "/task/" + pid));
        }
        Files.writeString(proc.resolve("100/task/100/children"), "101 ");
        Files.writeString(proc.resolve("101/task/101/children"), "");
        Files.writeString(proc.resolve("200/task/200/children"), "");
        // Not a process of any guest, and unreadable: a full scan would trip on nothing, but it is not even read.
        Files.createDirectories(proc.resolve("300"));
        Files.writeString(proc.resolve("300/stat"), "garbage");

        HostProcesses p = HostProcesses.readTrees(proc, List.of(100L));
        assertThat(p.treeTicks(100)).contains(35L);
        assertThat(p.ticks(200)).as("another tree is not read").isEmpty();
    }
}
