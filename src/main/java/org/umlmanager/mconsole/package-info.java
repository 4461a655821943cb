/**
 * The UML management console: a pure-Java client for the kernel's mconsole protocol (version 2,
 * AF_UNIX datagrams) and a listener for the kernel's {@code mconsole=notify:PATH} messages.
 *
 * <ul>
 *   <li>{@link org.umlmanager.mconsole.MconsoleClient} — blocking, thread-safe requests with a
 *       timeout on each, one request in flight per socket path.</li>
 *   <li>{@link org.umlmanager.mconsole.MconsoleReply} — a reply, formatted as {@code uml_mconsole}
 *       prints it.</li>
 *   <li>{@link org.umlmanager.mconsole.NotifyListener} — readiness, panic and guest
 *       {@code /proc/mconsole} messages as {@link org.umlmanager.mconsole.NotifyEvent}s.</li>
 *   <li>{@link org.umlmanager.mconsole.MconsoleCodec} and
 *       {@link org.umlmanager.mconsole.MconsoleTransport} — the byte layout and the datagram
 *       transport, separate so the client can be driven by an in-process fake peer.</li>
 * </ul>
 * junixsocket is used only here (in {@code UnixDatagramTransport} and {@code NotifyListener}).
 */
package org.umlmanager.mconsole;
