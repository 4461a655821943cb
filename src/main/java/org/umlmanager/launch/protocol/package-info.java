/**
 * The supervisor's wire protocol: length-prefixed {@link org.umlmanager.launch.protocol.Message}s
 * over a byte stream (its Unix socket, with JDK sockets; or any pair of channels, such as an SSH
 * channel's stdin and stdout), and the stream that feeds console output to a reader.
 */
package org.umlmanager.launch.protocol;
