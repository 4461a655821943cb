package org.umlmanager.ui.wizard;

import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.umlmanager.model.Instance;
import org.umlmanager.model.MemorySize;
import org.umlmanager.provision.ProvisionRequest;
import org.umlmanager.service.JobService;
import org.umlmanager.provision.RootfsSource;

/** The last step: what will be made, the command line that will boot it, and Create's options. */
final class SummaryPage {

    private SummaryPage() {
    }

    static Node create(NewVmForm form, JobService jobs, Function<Instance, String> commandLine) {
        TextArea text = new TextArea();
        text.setId("wizardSummary");
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefRowCount(12);
        VBox.setVgrow(text, Priority.ALWAYS);
        text.setText(form.problem(WizardPage.SUMMARY).map(p -> "Not ready: " + p)
                .orElseGet(() -> describe(form, jobs, commandLine)));
        CheckBox start = new CheckBox("Start it now and open its consoles");
        start.setId("wizardStartNow");
        start.selectedProperty().bindBidirectional(form.startNowProperty());
        CheckBox keep = new CheckBox("If making the image fails, keep it (as NAME.img.failed) for inspection");
        keep.setId("wizardKeepFailed");
        keep.selectedProperty().bindBidirectional(form.keepFailedProperty());
        return new VBox(10, new Label("Ready to create:"), text, start, keep);
    }

    static String describe(NewVmForm form, JobService jobs, Function<Instance, String> commandLine) {
        ProvisionRequest r = form.request();
        Instance planned = jobs.plannedInstance(r);
        StringBuilder b = new StringBuilder();
        b.append("Name:             ").append(r.name()).append('\n');
        b.append("Root filesystem:  ").append(r.source().describe()).append('\n');
        if (r.source().buildsImage()) {
            b.append("New image:        ").append(jobs.imagePath(r)).append(" (")
                    .append(r.size().map(MemorySize::toKernelString).orElse("size chosen to fit")).append(")\n");
            b.append("Host name:        ").append(r.hostname().orElse("from the name")).append('\n');
            b.append("Root password:    ").append(r.rootPassword().isPresent() ? "set (stored as a hash)"
                    : "none: root is logged in automatically").append('\n');
        } else {
            b.append("Image:            ").append(jobs.imagePath(r)).append(" (used as it is)\n");
        }
        if (r.cow()) {
            b.append("Copy-on-write:    ").append(jobs.cowPath(r)).append('\n');
        }
        if (r.source() instanceof RootfsSource.Debian d) {
            b.append("Debian:           ").append(d.suite()).append(", ").append(d.variant())
                    .append(d.packages().isEmpty() ? "" : ", with " + String.join(", ", d.packages())).append('\n');
        }
        b.append("Memory:           ").append(r.memory().map(MemorySize::toKernelString).orElse("default")).append('\n');
        b.append("Network:          ").append(r.networks().isEmpty() ? "none"
                : String.join(", ", r.networks().stream().map(n -> n.deviceName()).toList())).append('\n');
        b.append("Consoles:         ").append(r.consoles().size() - 1).append(" in tabs\n\n");
        b.append("Command line:\n").append(commandLine.apply(planned)).append('\n');
        return b.toString();
    }
}
