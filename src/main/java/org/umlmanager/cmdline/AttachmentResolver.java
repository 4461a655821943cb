package org.umlmanager.cmdline;

import java.util.Optional;
import org.umlmanager.model.NetworkAttachment;
import org.umlmanager.model.NetworkInterface;

/**
 * What an interface that names a saved network becomes on the command line: the kernel-syntax
 * interface of the network as it runs now ({@code network.Attachments} knows the networks, their
 * socket directories and the kernel's transports). Empty when it cannot be said here, for example
 * in a preview without the networks at hand; the generator then writes a placeholder that names
 * the network and would not start.
 */
@FunctionalInterface
public interface AttachmentResolver {

    /** Resolves nothing: every attachment is written as a placeholder. */
    AttachmentResolver UNRESOLVED = a -> Optional.empty();

    Optional<NetworkInterface> resolve(NetworkAttachment attachment);
}
