/**
 * Running guests: the only package that starts processes. Each running guest is owned by a
 * holder process ({@link org.umlmanager.launch.holder.HolderMain}) that spawns UML on a pty
 * (pty4j), reads every console line, follows the kernel's notify messages and exit, and serves
 * clients over a Unix socket. This package also holds what clients need to reach holders:
 * {@link org.umlmanager.launch.HolderLauncher} to start one, {@link org.umlmanager.launch.HolderClient}
 * to talk to one, the value types they exchange ({@link org.umlmanager.launch.GuestSnapshot},
 * {@link org.umlmanager.launch.GuestEvent}, {@link org.umlmanager.launch.ConsoleStream}, …) and the
 * session files that outlive them. pty4j and JNA are used only here.
 */
package org.umlmanager.launch;
