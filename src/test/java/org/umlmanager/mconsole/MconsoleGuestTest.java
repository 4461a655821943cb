package org.umlmanager.mconsole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.umlmanager.launch.KernelFaults;
import org.umlmanager.testing.Await;
import org.umlmanager.testing.KernelTimers;

/**
 * Every mconsole command against one real busybox guest, compared with {@code uml_mconsole}'s
 * output where both can ask the same question. The guest is shared; the last two tests reboot it
 * ({@code cad}) and halt it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MconsoleGuestTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** A whole boot: under a full CI run's load a reboot once took over 30 s. */
    private static final Duration BOOT = Duration.ofSeconds(120);
    private static final Pattern TICK = Pattern.compile("TICK (\\d+)");

    private TestGuest guest;
    private MconsoleClient client;

    @BeforeAll
    void boot() throws Exception {
        guest = TestGuest.boot(TestGuest.TICKING_INIT);
        client = new MconsoleClient(guest.address());
    }

    @AfterAll
    void shutDown() throws Exception {
        try {
            if (client != null) {
                client.close();
            }
        } finally {
            if (guest != null) {
                guest.close();
            }
        }
    }

    @Test
    @Order(1)
    void notifySocketEventNamesTheMconsoleSocket() {
        assertThat(guest.events).contains(new NotifyEvent.SocketReady(guest.socket));
    }

    @Test
    @Order(2)
    void versionIsTheGuestUnameAsUmlMconsolePrintsIt() throws Exception {
        MconsoleReply r = client.version();
        assertThat(r.ok()).isTrue();
        assertThat(r.text()).startsWith("Linux ").contains(" 6.1.");
        assertThat(r.formatted()).isEqualTo(guest.umlMconsole("version"));
    }

    @Test
    @Order(3)
    void helpArrivesInSeveralPacketsAndMatches() throws Exception {
        MconsoleReply r = client.help();
        assertThat(r.ok()).isTrue();
        assertThat(r.text().length()).as("longer than one 511-byte packet").isGreaterThan(511);
        assertThat(r.text()).contains("config").contains("sysrq").contains("stack");
        String theirs = guest.umlMconsole("help");
        // uml_mconsole appends a list of its own client-side commands to the kernel's help
        assertThat(theirs).startsWith(r.formatted());
        assertThat(theirs.substring(r.formatted().length())).startsWith("Additional local mconsole commands:");
    }

    @Test
    @Order(4)
    void configQueriesMatch() throws Exception {
        assertThat(client.config("con0").text()).isEqualTo("fd:0,fd:1");
        assertThat(client.config("ubd0").text()).isEqualTo(guest.image.toString());
        MconsoleReply bad = client.send("config xyz");
        assertThat(bad.ok()).isFalse();
        assertThat(bad.text()).isEqualTo("Bad configuration option");
        for (String dev : new String[] {"con0", "ubd0", "ubd1", "xyz"}) {
            assertThat(client.send("config " + dev).formatted()).as("config " + dev)
                    .isEqualTo(guest.umlMconsole("config", dev));
        }
    }

    @Test
    @Order(5)
    void procFilesMatchAndStartWithTheKernelsNewline() throws Exception {
        MconsoleReply cpu = client.proc("cpuinfo");
        assertThat(cpu.ok()).isTrue();
        assertThat(cpu.text()).startsWith("\n").contains("processor").hasSizeGreaterThan(511);
        assertThat(cpu.formatted()).isEqualTo(guest.umlMconsole("proc", "cpuinfo"));
        MconsoleReply mem = client.proc("meminfo");
        assertThat(mem.text()).startsWith("\nMemTotal:").contains("MemFree:");
        MconsoleReply missing = client.proc("no-such-file");
        assertThat(missing.ok()).isFalse();
        assertThat(missing.formatted()).isEqualTo("ERR Failed to open file\n")
                .isEqualTo(guest.umlMconsole("proc", "no-such-file"));
    }

    @Test
    @Order(6)
    void unknownCommandsAndBadArgumentsAreErrorReplies() throws Exception {
        MconsoleReply unknown = client.send("frobnicate");
        assertThat(unknown.errorCode()).isEqualTo(1);
        assertThat(unknown.formatted()).isEqualTo("ERR Unknown command\n").isEqualTo(guest.umlMconsole("frobnicate"));
        assertThat(client.send("stack").formatted()).isEqualTo("ERR Please specify a pid\n");
        assertThat(client.stack(0).formatted()).isEqualTo("ERR Couldn't find that pid\n");
    }

    @Test
    @Order(7)
    void stopFreezesTheGuestUntilGo() throws Exception {
        guest.awaitConsole("TICK 2", 0, WAIT);
        MconsoleReply stop = client.stop();
        int stoppedAt;
        try {
            assertThat(stop.formatted()).isEqualTo("OK stopped\n");
            // The guest's own kernel says it is frozen: its timers (the ticker's sleep among them) go
            // overdue, which a running kernel never lets happen.
            Await.until(WAIT, "a timer of the stopped guest 100 ms overdue", () -> KernelTimers.frozen(
                    client.send("proc timer_list").text(), Duration.ofMillis(100)));
            assertThat(client.version().ok()).as("requests are still served while stopped").isTrue();
            MconsoleReply again = client.stop();
            assertThat(again.formatted()).isEqualTo("ERR Already stopped\n").isEqualTo(guest.umlMconsole("stop"));
            // A kernel log line from the stop loop: what the guest printed before it stopped comes before it.
            assertThat(client.send("log stopped-here-" + (6 * 7) + "\n").ok()).isTrue();
            stoppedAt = guest.awaitConsole("stopped-here-42", 0, WAIT);
        } finally {
            assertThat(client.go().formatted()).isEqualTo("OK \n");
        }
        int frozenAt = lastTick(guest.console().substring(0, stoppedAt));
        // The ticker goes on where it stopped, after the kernel's line, and the timers are on time again.
        int next = guest.awaitConsole("TICK " + (frozenAt + 1), stoppedAt, WAIT);
        assertThat(guest.console().substring(stoppedAt, next)).doesNotContain("TICK");
        Await.until(WAIT, "no overdue timer once going again", () -> !KernelTimers.frozen(
                client.send("proc timer_list").text(), Duration.ofMillis(100)));
        MconsoleReply go = client.go();
        assertThat(go.formatted()).isEqualTo("ERR Not stopped\n").isEqualTo(guest.umlMconsole("go"));
    }

    private static int lastTick(String console) {
        Matcher m = TICK.matcher(console);
        int last = -1;
        while (m.find()) {
            last = Integer.parseInt(m.group(1));
        }
        return last;
    }

    @Test
    @Order(8)
    void secondDiskIsHotPluggedQueriedAndRemoved() throws Exception {
        Path data = guest.dir.resolve("data.img");
        try (RandomAccessFile f = new RandomAccessFile(data.toFile(), "rw")) {
            f.setLength(4 << 20);
        }
        assertThat(client.config("ubd1", data.toString()).formatted()).isEqualTo("OK \n");
        assertThat(client.config("ubd1").text()).isEqualTo(data.toString());
        assertThat(client.proc("partitions").text()).as("the guest sees the disk").contains("ubdb");
        MconsoleReply twice = client.config("ubd1", data.toString());
        assertThat(twice.errorCode()).isEqualTo(-16);
        assertThat(twice.text()).isEqualTo("Device is already configured");

        assertThat(client.remove("ubd1").formatted()).isEqualTo("OK \n");
        assertThat(client.config("ubd1").text()).isEmpty();
        assertThat(client.proc("partitions").text()).doesNotContain("ubdb");
        MconsoleReply gone = client.remove("ubd1");
        assertThat(gone.errorCode()).isEqualTo(-19);
        assertThat(gone.formatted()).isEqualTo("ERR Device doesn't exist\n").isEqualTo(guest.umlMconsole("remove", "ubd1"));
    }

    @Test
    @Order(9)
    void sysrqStreamsTheKernelLinesOfTheKey() throws Exception {
        MconsoleReply help = client.sysrq('h');
        assertThat(help.ok()).isTrue();
        assertThat(help.text()).contains("sysrq: HELP").contains("crash(c)");
        assertThat(help.formatted()).isEqualTo(guest.umlMconsole("sysrq", "h"));
        MconsoleReply mem = client.sysrq('m');
        assertThat(mem.text()).contains("Mem-Info:");
        assertThat(mem.text().lines().count()).as("one packet per log line, all joined").isGreaterThan(5);
    }

    /**
     * {@code stack} runs in the guest kernel's SIGIO handler. When the request arrives while a guest
     * process runs in user mode, that handler is on the alternate signal stack and the 6.1 kernel's
     * show_stack refuses, whatever the pid: "Received SIGSEGV in SIGSEGV handler, aborting stack
     * trace!" (measured: every time with a busy loop in the guest, about 1 in 20 with this ticking
     * guest, more under host load). A stopped guest serves requests from its stop loop in a kernel
     * thread, where the stack is printed every time (100 of 100 with a busy loop): ask it stopped.
     */
    @Test
    @Order(10)
    void stackOfInitInAStoppedGuestIsItsKernelStack() throws Exception {
        assertThat(client.stop().formatted()).isEqualTo("OK stopped\n");
        MconsoleReply r;
        try {
            r = client.stack(1);
        } finally {
            assertThat(client.go().formatted()).isEqualTo("OK \n");
        }
        assertThat(r.ok()).isTrue();
        // init is the script waiting for its console shell: a trace through do_wait is pid 1's own
        assertThat(r.text()).startsWith("Stack:\n").contains("Call Trace:").contains(" do_wait+");
        // one packet per line: more than the 10 datagrams an unconnected client's queue holds
        assertThat(r.text().lines().count()).isGreaterThan(10);
    }

    @Test
    @Order(11)
    void logTextAppearsOnTheConsole() throws Exception {
        String marker = "umlm-log-" + UUID.randomUUID();
        int from = guest.consoleLength();
        assertThat(client.log(marker).formatted()).isEqualTo("OK \n");
        guest.awaitConsole(marker, from, WAIT);
    }

    @Test
    @Order(12)
    void guestWritesToProcMconsoleArriveAsUserNotifications() throws Exception {
        guest.awaitEvent(new NotifyEvent.UserNotify("boot-notify\n")::equals, 0, WAIT);
        String marker = "typed-" + UUID.randomUUID().toString().substring(0, 8);
        int from = guest.events.size();
        guest.type("echo " + marker + " > /proc/mconsole");
        guest.awaitEvent(new NotifyEvent.UserNotify(marker + "\n")::equals, from, WAIT);
    }

    @Test
    @Order(90)
    void cadRebootsInPlaceAndTheClientReachesTheNewBoot() throws Exception {
        long pid = guest.process().pid();
        int from = guest.events.size();
        int consoleFrom = guest.consoleLength();
        assertThat(client.cad().formatted()).isEqualTo("OK \n");
        int booted = guest.awaitEventOrHang(e -> e.equals(new NotifyEvent.UserNotify("boot-notify\n"))
                || e instanceof NotifyEvent.Panic, from, consoleFrom, BOOT);
        if (booted < 0 || guest.events.get(booted) instanceof NotifyEvent.Panic
                && KernelFaults.earlyBootFault(guest.console().substring(consoleFrom))) {
            // The kernel's own early-boot fault ended the new boot, or it hung before its banner
            // (docs/KERNEL.md §7.1, §7.3; reboots meet both): as the supervisor does, start once
            // more, a new guest, and reboot that.
            shutDown();
            boot();
            pid = guest.process().pid();
            from = guest.events.size();
            assertThat(client.cad().formatted()).isEqualTo("OK \n");
            guest.awaitEvent(new NotifyEvent.SocketReady(guest.socket)::equals, from, BOOT);
            guest.awaitEvent(new NotifyEvent.UserNotify("boot-notify\n")::equals, from, BOOT);
        }
        guest.awaitEvent(new NotifyEvent.SocketReady(guest.socket)::equals, from, WAIT);
        assertThat(guest.process().isAlive()).isTrue();
        assertThat(guest.process().pid()).isEqualTo(pid);
        assertThat(Files.readString(guest.socket.resolveSibling("pid")).trim()).isEqualTo(Long.toString(pid));
        // the same client object: its socket was connected to the previous boot's mconsole
        assertThat(client.version().ok()).isTrue();
    }

    @Test
    @Order(99)
    void haltEndsTheProcessAndTheInstanceBecomesUnreachable() throws Exception {
        int from = guest.consoleLength();
        int events = guest.events.size();
        assertThat(client.halt().formatted()).isEqualTo("OK \n");
        assertThat(guest.process().waitFor(30, TimeUnit.SECONDS)).as("exits after halt").isTrue();
        int status = guest.process().exitValue();
        guest.awaitConsoleEnd(Duration.ofSeconds(10));
        boolean panicNotified = guest.events.subList(events, guest.events.size()).stream()
                .anyMatch(NotifyEvent.Panic.class::isInstance);
        if (panicNotified || !KernelFaults.abortedAfterMconsoleHalt(status, guest.console().substring(from))) {
            // Now and then the kernel aborts on its way out after a halt (docs/KERNEL.md §7.2).
            assertThat(status).as("exit status; console tail:\n%s", guest.tail()).isZero();
        }
        assertThat(guest.socket).doesNotExist();
        assertThat(guest.socket.getParent()).as("umid directory removed").doesNotExist();
        assertThatThrownBy(client::version).isInstanceOfSatisfying(InstanceNotReachableException.class,
                e -> assertThat(e.reason()).isEqualTo(InstanceNotReachableException.Reason.NO_SOCKET));
    }
}
