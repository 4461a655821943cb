package org.umlmanager.service;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.umlmanager.cmdline.CommandLineGenerator;
import org.umlmanager.cmdline.GenerateOptions;
import org.umlmanager.model.Instance;
import org.umlmanager.model.NetworkInterface;

/** Devices added to and removed from a running guest through its mconsole ({@code config}, {@code remove}). */
final class Hotplugs {

    private Hotplugs() {
    }

    /** The interface as the kernel's command line and mconsole {@code config} take it ({@code eth1=vde,DIR,MAC}). */
    static String interfaceArg(NetworkInterface nic, GenerateOptions options) {
        Instance only = Instance.builder("hotplug").networks(List.of(nic)).build();
        return CommandLineGenerator.kernelArgs(only, options).stream()
                .filter(a -> a.startsWith(nic.deviceName() + "=") || a.startsWith(nic.deviceName() + ":"))
                .findFirst().orElseThrow(() -> new IllegalStateException("no argument for " + nic.deviceName()));
    }

    static CompletableFuture<String> config(GuestRuntime runtime, String name, String arg) {
        return runtime.command(name, "config " + arg).thenCompose(reply -> reply.ok()
                ? CompletableFuture.completedFuture(arg)
                : CompletableFuture.failedFuture(new GuestException("the kernel of " + name + " refused " + arg + ": "
                        + reason(reply.text()))));
    }

    static CompletableFuture<Void> remove(GuestRuntime runtime, String name, String device) {
        return runtime.command(name, "remove " + device).thenCompose(reply -> reply.ok()
                ? CompletableFuture.<Void>completedFuture(null)
                : CompletableFuture.failedFuture(new GuestException("the kernel of " + name + " did not remove "
                        + device + ": " + reason(reply.text()))));
    }

    /** The kernel's words; it gives none when the device's driver is not ready yet (seen while a guest boots). */
    private static String reason(String reply) {
        String text = reply.strip();
        return text.isEmpty() ? "it gave no reason; if the guest is still booting, try again once it has booted" : text;
    }
}
