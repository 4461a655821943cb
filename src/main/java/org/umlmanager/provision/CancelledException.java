package org.umlmanager.provision;

/** The user cancelled; whatever the step had made is already removed when this is thrown out of the provisioner. */
public final class CancelledException extends ProvisionException {

    private static final long serialVersionUID = 1L;

    public CancelledException() {
        super("cancelled");
    }
}
