package org.umlmanager.ui.editor;

import java.util.concurrent.CompletableFuture;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.umlmanager.model.Network;
import org.umlmanager.model.NetworkAttachment;

/**
 * What an interface can be connected to: the saved networks (kept current on the FX thread by
 * whoever provides them), and the device family a kernel gives interfaces on NAT networks and
 * switches ({@code ethN} with the legacy transports, {@code vecN} without).
 */
public interface NetworkChoices {

    /** The saved networks, the built-in {@code default} included; changed on the FX thread only. */
    ObservableList<Network> networks();

    /** The family of interfaces on a NAT network or a switch under {@code kernel}; completes off the FX thread. */
    CompletableFuture<NetworkAttachment.Family> family(String kernel);

    /** Only the built-in NAT network, and Debian's kernel (ethN): for forms shown before anything is read. */
    static NetworkChoices builtIn() {
        ObservableList<Network> list = FXCollections.observableArrayList(Network.builtInDefault());
        return new NetworkChoices() {
            @Override
            public ObservableList<Network> networks() {
                return list;
            }

            @Override
            public CompletableFuture<NetworkAttachment.Family> family(String kernel) {
                return CompletableFuture.completedFuture(NetworkAttachment.Family.ETH);
            }
        };
    }

    /** How a network is named in lists: {@code default (NAT)}, {@code lan (switch)}. */
    static String label(Network n) {
        return n.name() + " (" + switch (n.kindName()) {
            case "nat" -> "NAT";
            case "switch" -> "switch";
            default -> "host device";
        } + ")";
    }
}
