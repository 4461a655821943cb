/**
 * The holder process: one per running guest, detached from the program that started it, the
 * guest's parent and the single reader of its consoles. Entry point {@link
 * org.umlmanager.launch.holder.HolderMain}; everything else is internal to the process.
 */
package org.umlmanager.launch.holder;
