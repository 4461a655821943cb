package org.umlmanager.network;

import org.umlmanager.model.Network;

/**
 * Who owns the running networks' processes, as the programs that start guests see it: start a
 * network with its first guest (or on its own), register guests, stop it, say how it is. Whoever
 * implements it keeps the processes running after the program that asked has ended, and finds them
 * again for the next program. Today that is a keeper process per network ({@link KeeperNetworks}).
 *
 * <p>Methods block (a network starts in well under a second); call them off the UI thread.
 * Thread-safe.
 */
public interface NetworkOwner {

    /**
     * Starts the network's processes unless they run. With {@code pin} they keep running without
     * guests until {@link #stop}; without, they stop with the last guest.
     *
     * @throws NetworkException naming what is missing or failed
     */
    NetworkStatus start(Network network, boolean pin) throws NetworkException, InterruptedException;

    /**
     * Starts the network unless it runs and registers {@code guest} with it, before the guest's
     * kernel starts; a network that is deciding to stop at that moment is started again.
     */
    NetworkStatus attach(Network network, GuestRegistration guest) throws NetworkException, InterruptedException;

    /** Forgets a guest that did not start after all. */
    void detach(String network, String instance);

    /**
     * Stops the network's processes. Refused while guests use it (the message names them): they
     * would lose their connection.
     */
    void stop(String network) throws NetworkException, InterruptedException;

    NetworkStatus status(String network);
}
