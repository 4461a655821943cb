/**
 * The supervisor process that holds the guests (the package keeps the name of the per-guest
 * "holder" processes it replaced): one per user, detached from the program that started it, every
 * guest's parent and the single reader of their consoles, and the keeper of other supervised
 * processes. Entry point {@link org.umlmanager.launch.holder.SupervisorMain}; everything else is
 * internal to the process.
 */
package org.umlmanager.launch.holder;
