package org.umlmanager.ui.wizard;

/** The steps of the New VM wizard, in order. */
enum WizardPage {
    NAME("Name"),
    KERNEL("Kernel"),
    SOURCE("Root filesystem"),
    DISK("Disk"),
    MEMORY("Memory"),
    NETWORK("Network"),
    CONSOLES("Consoles"),
    SUMMARY("Summary");

    private final String title;

    WizardPage(String title) {
        this.title = title;
    }

    String title() {
        return title;
    }
}
