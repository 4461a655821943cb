/**
 * Facts about this host that several packages need, read from {@code /proc} and file metadata:
 * processes and their command lines, the identity of a file (device and inode), who holds a file
 * lock, and directories private to the user. JDK only and no state; every core package may use
 * it (the store names a stuck lock holder, the launcher keeps its sockets private, the start
 * checks find other guests' files).
 */
package org.umlmanager.host;
