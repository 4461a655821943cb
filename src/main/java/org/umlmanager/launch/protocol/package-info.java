/**
 * The holder's wire protocol: length-prefixed {@link org.umlmanager.launch.protocol.Message}s over
 * a Unix stream socket (JDK sockets), and the stream that feeds console output to a reader.
 */
package org.umlmanager.launch.protocol;
