package org.umlmanager.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.umlmanager.launch.ConsoleStream;
import sun.misc.Signal;

/**
 * Connects this process's terminal to a guest console: raw mode (restored afterwards, also on
 * failure), every key to the guest except Ctrl-], which detaches, and the terminal's size sent
 * now and at each SIGWINCH. Without a terminal (standard input redirected) bytes are copied as
 * they are, so scripts and tests can drive a console through pipes.
 */
final class TerminalAttach {

    /** Ctrl-], as in telnet and virsh console. */
    static final int DETACH = 0x1d;

    private TerminalAttach() {
    }

    /** Runs until the guest's console ends (false) or the user detaches (true). */
    static boolean run(ConsoleStream console) throws InterruptedException {
        boolean tty = System.console() != null;
        String saved = tty ? stty("-g").strip() : null;
        CountDownLatch done = new CountDownLatch(1);
        AtomicBoolean detached = new AtomicBoolean();
        try {
            if (tty) {
                stty("raw", "-echo");
                sendSize(console);
                Signal.handle(new Signal("WINCH"), s -> sendSize(console));
            }
            Thread out = daemon("console-out", () -> {
                copy(console.input(), System.out);
                done.countDown();
            });
            Thread in = daemon("console-in", () -> {
                if (keys(System.in, console.output())) {
                    detached.set(true);
                }
                done.countDown();
            });
            out.start();
            in.start();
            done.await();
            return detached.get();
        } finally {
            if (saved != null) {
                stty(saved);
            }
        }
    }

    /** Copies keys to the guest until Ctrl-] (true) or the end of input (false). */
    private static boolean keys(InputStream in, OutputStream guest) {
        byte[] buffer = new byte[1024];
        try {
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    if ((buffer[i] & 0xff) == DETACH) {
                        guest.write(buffer, 0, i);
                        return true;
                    }
                }
                guest.write(buffer, 0, n);
                guest.flush();
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    private static void copy(InputStream guest, PrintStream out) {
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = guest.read(buffer)) > 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // the console ended
        }
    }

    private static void sendSize(ConsoleStream console) {
        String[] size = stty("size").strip().split("\\s+");
        if (size.length == 2) {
            try {
                console.resize(Integer.parseInt(size[1]), Integer.parseInt(size[0]));
            } catch (NumberFormatException ignored) {
                // not a terminal after all
            }
        }
    }

    /** Runs stty on the controlling terminal; its output, empty on failure. */
    private static String stty(String... args) {
        try {
            Process p = new ProcessBuilder(concat("stty", args)).redirectInput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            return text;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static List<String> concat(String first, String... rest) {
        List<String> all = new java.util.ArrayList<>();
        all.add(first);
        all.addAll(List.of(rest));
        return all;
    }

    private static Thread daemon(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
