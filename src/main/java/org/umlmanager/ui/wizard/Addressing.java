package org.umlmanager.ui.wizard;

/** How the guest sets up one network interface, as offered in the form. */
enum Addressing {
    DHCP("DHCP"), STATIC("Fixed address"), MANUAL("Link up, no address");

    private final String label;

    Addressing(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
