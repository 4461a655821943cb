package org.umlmanager.service;

import java.util.Objects;

/**
 * News of a lab being started or stopped, one device at a time, with the count a progress display
 * shows ("3 of 5 running").
 *
 * @param device  the device's name in the lab
 * @param phase   what happened to it
 * @param text    for people: the reason of a failure, a stop step
 * @param running how many of the lab's devices are running (started and not stopped) now
 * @param total   how many devices the lab has
 */
public record LabProgress(String device, Phase phase, String text, int running, int total) {

    /** The steps of one device. */
    public enum Phase {
        /** Its kernel is being started. */
        STARTING,
        /** Its kernel runs; the boot hook may still be running its startup files. */
        BOOTED,
        /** Its startup files have run: it is up. */
        READY,
        /** It was running already and was left alone. */
        ALREADY_RUNNING,
        /** A stop step, in {@code text}. */
        STOPPING,
        STOPPED,
        /** It was stopped already. */
        ALREADY_STOPPED,
        /** Starting or stopping it failed; {@code text} says why. */
        FAILED,
        /** It was not started (or stopped) because a device it depends on failed. */
        SKIPPED
    }

    public LabProgress {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(text, "text");
    }

    /** {@code r1: ready (3 of 5 running)}. */
    @Override
    public String toString() {
        return device + ": " + phase.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                + (text.isEmpty() ? "" : " — " + text) + " (" + running + " of " + total + " running)";
    }
}
