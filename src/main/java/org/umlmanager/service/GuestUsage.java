package org.umlmanager.service;

import java.time.Instant;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What one running guest used, sampled at one moment.
 *
 * @param name      the instance
 * @param at        when it was sampled
 * @param cpu       host CPU used by the guest's processes since the previous sample, in cores
 *                  (1.0 = one core busy); empty for the first sample of a guest
 * @param memUsed   memory in use inside the guest (MemTotal − MemAvailable of its meminfo), in bytes;
 *                  empty when the guest did not answer (paused, booting)
 * @param memTotal  the guest's MemTotal, in bytes, when known
 */
public record GuestUsage(String name, Instant at, OptionalDouble cpu, OptionalLong memUsed, OptionalLong memTotal) {
}
