/**
 * The one API the desktop UI and the CLI call. Methods return {@code CompletableFuture}s and run
 * their work on executors given to the constructor, so that the UI thread never blocks and tests
 * can run everything on the calling thread.
 */
package org.umlmanager.service;
