/**
 * Running commands in guests that UML Manager made ({@code uml-manager exec}): a small shell agent
 * in the guest reads requests on a serial line of its own and answers with framed, base64-encoded
 * output and the exit status; the host side speaks the same frames over the line's console stream.
 * The line is one of the guest's embedded lines, so the program that holds the guest's consoles
 * keeps it open, and several clients can use it at once: every request and every answer carries
 * its own id. Nothing of it reaches the user's consoles.
 */
package org.umlmanager.agent;
