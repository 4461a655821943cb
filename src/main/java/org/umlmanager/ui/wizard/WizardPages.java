package org.umlmanager.ui.wizard;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.umlmanager.service.JobService;

/** The form pages of the wizard, one builder per step (the summary has its own class). */
final class WizardPages {

    private WizardPages() {
    }

    static Node page(WizardPage page, NewVmForm form) {
        return switch (page) {
            case NAME -> name(form);
            case KERNEL -> kernel(form);
            case SOURCE -> source(form);
            case DISK -> disk(form);
            case MEMORY -> memory(form);
            case NETWORK -> network(form);
            case CONSOLES -> consoles(form);
            case SUMMARY -> throw new IllegalArgumentException("the summary is built by SummaryPage");
        };
    }

    private static Node name(NewVmForm form) {
        GridPane grid = Fields.grid();
        Fields.row(grid, "Name", Fields.text("wizardName", form.nameProperty(), "e.g. debian1"));
        return new VBox(10, Fields.note("The name of the new virtual machine. It also names its disk image and"
                + " its machine id (umid)."), grid);
    }

    private static Node kernel(NewVmForm form) {
        GridPane grid = Fields.grid();
        TextField field = Fields.text("wizardKernel", form.kernelProperty(), "linux, or the path of a UML kernel");
        Fields.row(grid, "UML kernel", Fields.browse(field, false, "Choose the UML kernel"));
        return new VBox(10, Fields.note("The User Mode Linux kernel the machine boots. Debian's user-mode-linux"
                + " package installs it as 'linux'; its modules are copied into Debian guests."), grid);
    }

    private static Node source(NewVmForm form) {
        ToggleGroup group = new ToggleGroup();
        VBox choices = new VBox(6);
        for (SourceKind kind : SourceKind.values()) {
            RadioButton button = new RadioButton(kind.toString());
            button.setId("source" + kind.name());
            button.setToggleGroup(group);
            button.setUserData(kind);
            button.setSelected(form.sourceProperty().get() == kind);
            choices.getChildren().add(button);
        }
        group.selectedToggleProperty().addListener((o, a, b) -> {
            if (b != null) {
                form.sourceProperty().set((SourceKind) b.getUserData());
            }
        });

        GridPane debian = Fields.grid();
        Fields.row(debian, "Suite", Fields.text("wizardSuite", form.suiteProperty(), "bookworm"));
        Fields.row(debian, "Extra packages", Fields.text("wizardPackages", form.packagesProperty(),
                "e.g. openssh-server, vim"));
        Fields.row(debian, "Mirror", Fields.text("wizardMirror", form.mirrorProperty(), "from the host's apt sources: "
                + JobService.hostMirror(form.suiteProperty().get()).orElse("http://deb.debian.org/debian")));
        Fields.visibleWhen(debian, form.sourceProperty(), SourceKind.DEBIAN);

        GridPane dir = Fields.grid();
        Fields.row(dir, "Directory", Fields.browse(Fields.text("wizardDirectory", form.directoryProperty(),
                "/path/to/root filesystem"), true, "Choose the root filesystem directory"));
        Fields.visibleWhen(dir, form.sourceProperty(), SourceKind.DIRECTORY);

        GridPane image = Fields.grid();
        Fields.row(image, "Image", Fields.browse(Fields.text("wizardImage", form.imageProperty(),
                "/path/to/disk.img"), false, "Choose the disk image"));
        Fields.visibleWhen(image, form.sourceProperty(), SourceKind.IMAGE);

        GridPane guest = Fields.grid();
        Fields.row(guest, "Host name", Fields.text("wizardHostname", form.hostnameProperty(), "default: the name"));
        Fields.row(guest, "Root password", Fields.password("wizardPassword", form.passwordProperty()));
        Fields.row(guest, "Again", Fields.password("wizardPasswordAgain", form.passwordAgainProperty()));
        Label guestNote = Fields.note("Stored in the guest only as a SHA-512 hash. Leave it empty and root is logged"
                + " in on the consoles without one.");
        VBox setup = new VBox(6, guest, guestNote);
        setup.visibleProperty().bind(form.sourceProperty().isNotEqualTo(SourceKind.IMAGE));
        setup.managedProperty().bind(setup.visibleProperty());
        return new VBox(10, choices, debian, dir, image, setup);
    }

    private static Node disk(NewVmForm form) {
        GridPane grid = Fields.grid();
        TextField size = Fields.text("wizardSize", form.sizeProperty(), "automatic: 64M busybox, 2G Debian");
        size.disableProperty().bind(form.sourceProperty().isEqualTo(SourceKind.IMAGE));
        Fields.row(grid, "Image size", size);
        CheckBox cow = new CheckBox("Write into a copy-on-write file; keep the image itself unchanged");
        cow.setId("wizardCow");
        cow.selectedProperty().bindBidirectional(form.cowProperty());
        return new VBox(10, Fields.note("The new image is sparse: it takes only the space its files use."), grid, cow,
                Fields.note("With copy-on-write, the guest's changes go to NAME.cow and the image can be shared by"
                        + " several machines; it must then never change."));
    }

    private static Node memory(NewVmForm form) {
        GridPane grid = Fields.grid();
        TextField mib = Fields.text("wizardMemory", form.memoryMibProperty(), "MiB");
        Fields.row(grid, "Memory (MiB)", mib);
        return new VBox(10, Fields.note("Guest memory. systemd wants 256 MiB or more; busybox runs in 64 MiB."), grid);
    }

    private static Node network(NewVmForm form) {
        VBox rows = new VBox(6);
        Runnable refresh = () -> {
            rows.getChildren().clear();
            for (NetworkRow row : form.networks()) {
                rows.getChildren().add(networkRow(form, row));
            }
        };
        form.networks().addListener((javafx.collections.ListChangeListener<NetworkRow>) c -> refresh.run());
        refresh.run();
        Button add = new Button("Add interface");
        add.setId("wizardAddNetwork");
        add.setOnAction(e -> form.networks().add(new NetworkRow("vec" + form.networks().size()
                + ":transport=tap,ifname=tap" + form.networks().size())));
        return new VBox(10, Fields.note("Network interfaces in the kernel's syntax, e.g."
                + " vec0:transport=tap,ifname=tap0. None is fine: the machine then has only loopback."), rows, add);
    }

    private static Node networkRow(NewVmForm form, NetworkRow row) {
        TextField spec = Fields.text(null, row.specProperty(), "vec0:transport=tap,ifname=tap0");
        ComboBox<Addressing> how = new ComboBox<>();
        how.getItems().setAll(Addressing.values());
        how.valueProperty().bindBidirectional(row.addressingProperty());
        TextField address = Fields.text(null, row.addressProperty(), "10.0.2.15/24,10.0.2.2");
        address.visibleProperty().bind(row.addressingProperty().isEqualTo(Addressing.STATIC));
        address.managedProperty().bind(address.visibleProperty());
        Button remove = new Button("Remove");
        remove.setOnAction(e -> form.networks().remove(row));
        HBox box = new HBox(6, spec, how, address, remove);
        HBox.setHgrow(spec, Priority.ALWAYS);
        return box;
    }

    private static Node consoles(NewVmForm form) {
        Spinner<Integer> count = new Spinner<>(1, NewVmForm.MAX_CONSOLES, form.consolesProperty().get());
        count.setId("wizardConsoles");
        count.valueProperty().addListener((o, a, b) -> form.consolesProperty().set(b));
        GridPane grid = Fields.grid();
        Fields.row(grid, "Consoles", count);
        return new VBox(10, Fields.note("Consoles shown in tabs of UML Manager (con0, con1, …), each with a login"
                + " prompt. The other consoles are switched off (con=null)."), grid);
    }
}
