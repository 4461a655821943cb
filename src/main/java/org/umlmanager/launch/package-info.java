/**
 * Running guests: the only package that starts processes. Every running guest is held by one
 * supervisor process per user ({@link org.umlmanager.launch.holder.SupervisorMain}) that spawns
 * UML on a pty (pty4j), reads every console line, follows the kernel's notify messages and exit,
 * and serves clients over a Unix socket. This package also holds what clients need to reach it:
 * {@link org.umlmanager.launch.SupervisorLauncher} to find or start it, {@link
 * org.umlmanager.launch.SupervisorClient} to talk to it, the value types they exchange ({@link org.umlmanager.launch.GuestSnapshot},
 * {@link org.umlmanager.launch.GuestEvent}, {@link org.umlmanager.launch.ConsoleStream}, …) and the
 * session files that outlive them. pty4j and JNA are used only here.
 */
package org.umlmanager.launch;
