/**
 * Saved networks at run time: the checks a network definition must pass, what an interface that
 * names a network becomes on the kernel's command line, and the rootless host processes behind a
 * running network (a {@code vde_switch}, and for NAT a {@code vde_plug} into libslirp): started
 * with the first guest, found again by later programs, restarted when they die, stopped with the
 * last guest. Capture of a network's traffic into pcap files.
 *
 * <p>The network definitions themselves are model values ({@link org.umlmanager.model.Network}),
 * saved by {@link org.umlmanager.storage.NetworkStore}.
 */
package org.umlmanager.network;
