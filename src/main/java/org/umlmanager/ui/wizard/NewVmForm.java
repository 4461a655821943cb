package org.umlmanager.ui.wizard;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.umlmanager.model.ConsoleChannel;
import org.umlmanager.model.ConsoleLine;
import org.umlmanager.model.LineKind;
import org.umlmanager.model.LineSpec;
import org.umlmanager.model.MemorySize;
import org.umlmanager.model.Names;
import org.umlmanager.model.NetworkInterface;
import org.umlmanager.provision.GuestNetwork;
import org.umlmanager.provision.PasswordHash;
import org.umlmanager.provision.ProvisionRequest;
import org.umlmanager.provision.RootfsSource;
import org.umlmanager.service.JobService;

/**
 * What the wizard's pages edit, with a check per page and the {@link ProvisionRequest} they add
 * up to. Holds no controls; plain JavaFX properties, used on the FX thread.
 */
final class NewVmForm {

    static final int MAX_CONSOLES = 8;

    private final Set<String> takenNames;
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty kernel = new SimpleStringProperty("");
    private final ObjectProperty<SourceKind> source = new SimpleObjectProperty<>(SourceKind.BUSYBOX);
    private final StringProperty suite = new SimpleStringProperty(RootfsSource.Debian.defaultSuite());
    private final StringProperty packages = new SimpleStringProperty("");
    private final StringProperty mirror = new SimpleStringProperty("");
    private final StringProperty directory = new SimpleStringProperty("");
    private final StringProperty image = new SimpleStringProperty("");
    private final StringProperty hostname = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty passwordAgain = new SimpleStringProperty("");
    private final StringProperty size = new SimpleStringProperty("");
    private final BooleanProperty cow = new SimpleBooleanProperty();
    private final StringProperty memoryMib = new SimpleStringProperty("");
    private final ObservableList<NetworkRow> networks = FXCollections.observableArrayList();
    private final IntegerProperty consoles = new SimpleIntegerProperty(1);
    private final BooleanProperty startNow = new SimpleBooleanProperty(true);
    private final BooleanProperty keepFailed = new SimpleBooleanProperty();

    /** @param takenNames names of existing instances, compared without case as the store does */
    NewVmForm(Set<String> takenNames, String defaultKernel) {
        this.takenNames = takenNames.stream().map(n -> n.toLowerCase(Locale.ROOT))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        kernel.set(defaultKernel);
        source.addListener((o, a, b) -> memoryMib.set(defaultMemory(b)));
        memoryMib.set(defaultMemory(source.get()));
    }

    private static String defaultMemory(SourceKind kind) {
        return kind == SourceKind.BUSYBOX ? "64" : "256";
    }

    /** What is wrong on {@code page}, worded for the person filling it in; empty when it can be left. */
    Optional<String> problem(WizardPage page) {
        try {
            switch (page) {
                case NAME -> checkName();
                case KERNEL -> JobService.kernelProblem(kernel.get()).ifPresent(NewVmForm::fail);
                case SOURCE -> {
                    source();
                    checkGuestSetup();
                }
                case DISK -> diskSize();
                case MEMORY -> memory();
                case NETWORK -> {
                    networkInterfaces();
                    addressing();
                }
                case CONSOLES -> {
                    if (consoles.get() < 1 || consoles.get() > MAX_CONSOLES) {
                        fail("choose 1 to " + MAX_CONSOLES + " consoles");
                    }
                }
                case SUMMARY -> {
                    for (WizardPage p : WizardPage.values()) {
                        if (p != WizardPage.SUMMARY) {
                            Optional<String> earlier = problem(p);
                            if (earlier.isPresent()) {
                                fail(p.title() + ": " + earlier.get());
                            }
                        }
                    }
                }
            }
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The request the pages describe; call only when {@link #problem} finds none on the summary. */
    ProvisionRequest request() {
        ProvisionRequest.Builder b = ProvisionRequest.builder(name.get().strip(), source())
                .kernel(kernel.get().strip())
                .cow(cow.get())
                .memory(memory())
                .networks(networkInterfaces())
                .addressing(addressing())
                .consoles(consoleLines())
                .keepFailed(keepFailed.get());
        diskSize().ifPresent(b::size);
        if (source.get() != SourceKind.IMAGE) {
            if (!hostname.get().isBlank()) {
                b.hostname(hostname.get().strip());
            }
            if (!password.get().isEmpty()) {
                b.rootPassword(PasswordHash.sha512(password.get().toCharArray()));
            }
        }
        return b.build();
    }

    private void checkName() {
        String n = name.get().strip();
        Names.instanceNameProblem(n).ifPresent(NewVmForm::fail);
        if (takenNames.contains(n.toLowerCase(Locale.ROOT))) {
            fail("an instance named '" + n + "' already exists; choose another name");
        }
    }

    private RootfsSource source() {
        return switch (source.get()) {
            case BUSYBOX -> new RootfsSource.Busybox();
            case DEBIAN -> RootfsSource.Debian.of(suite.get().strip())
                    .withPackages(Arrays.stream(packages.get().split("[,\\s]+")).filter(p -> !p.isEmpty()).toList())
                    .withMirror(Optional.of(mirror.get().strip()).filter(m -> !m.isEmpty()));
            case DIRECTORY -> new RootfsSource.Directory(existing(directory.get(), "directory"));
            case IMAGE -> new RootfsSource.Image(existing(image.get(), "image"));
        };
    }

    private static Path existing(String text, String what) {
        if (text.isBlank()) {
            fail("choose the " + what);
        }
        Path p = Path.of(text.strip());
        if (!p.isAbsolute()) {
            fail("give the full path of the " + what + " (starting with /)");
        }
        return p.normalize();
    }

    private void checkGuestSetup() {
        if (source.get() == SourceKind.IMAGE) {
            return;
        }
        if (!hostname.get().isBlank()) {
            JobService.hostnameProblem(hostname.get().strip()).ifPresent(NewVmForm::fail);
        }
        if (!password.get().equals(passwordAgain.get())) {
            fail("the two passwords differ; type the same root password twice");
        }
    }

    private Optional<MemorySize> diskSize() {
        String s = size.get().strip();
        if (s.isEmpty() || source.get() == SourceKind.IMAGE) {
            return Optional.empty();
        }
        MemorySize parsed = MemorySize.parse(s).orElseThrow(() -> new IllegalArgumentException(
                "'" + s + "' is not a size; write a number with M or G, such as 2G, or leave it empty"));
        if (parsed.bytes() < 16L << 20) {
            fail("a root filesystem needs at least 16M");
        }
        return Optional.of(parsed);
    }

    private MemorySize memory() {
        try {
            long mib = Long.parseLong(memoryMib.get().strip());
            if (mib < 16 || mib > 1 << 20) {
                fail("give between 16 and 1048576 MiB");
            }
            return MemorySize.ofMebibytes(mib);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("give the memory in MiB, e.g. 256");
        }
    }

    private List<NetworkInterface> networkInterfaces() {
        List<NetworkInterface> out = new ArrayList<>();
        for (NetworkRow row : networks) {
            NetworkInterface n = row.networkInterface();
            if (out.stream().anyMatch(o -> o.deviceName().equals(n.deviceName()))) {
                fail(n.deviceName() + " is given twice; number each interface differently");
            }
            out.add(n);
        }
        return out;
    }

    private List<GuestNetwork> addressing() {
        List<GuestNetwork> out = new ArrayList<>();
        for (NetworkRow row : networks) {
            out.add(row.guestNetwork(row.networkInterface().deviceName()));
        }
        return out;
    }

    private List<ConsoleLine> consoleLines() {
        List<ConsoleLine> lines = new ArrayList<>();
        lines.add(ConsoleLine.allOf(LineKind.CON, LineSpec.of(ConsoleChannel.NULL)));
        for (int i = 0; i < consoles.get(); i++) {
            lines.add(ConsoleLine.con(i, LineSpec.of(ConsoleChannel.EMBEDDED)));
        }
        return lines;
    }

    private static void fail(String message) {
        throw new IllegalArgumentException(message);
    }

    StringProperty nameProperty() {
        return name;
    }

    StringProperty kernelProperty() {
        return kernel;
    }

    ObjectProperty<SourceKind> sourceProperty() {
        return source;
    }

    StringProperty suiteProperty() {
        return suite;
    }

    StringProperty packagesProperty() {
        return packages;
    }

    StringProperty mirrorProperty() {
        return mirror;
    }

    StringProperty directoryProperty() {
        return directory;
    }

    StringProperty imageProperty() {
        return image;
    }

    StringProperty hostnameProperty() {
        return hostname;
    }

    StringProperty passwordProperty() {
        return password;
    }

    StringProperty passwordAgainProperty() {
        return passwordAgain;
    }

    StringProperty sizeProperty() {
        return size;
    }

    BooleanProperty cowProperty() {
        return cow;
    }

    StringProperty memoryMibProperty() {
        return memoryMib;
    }

    ObservableList<NetworkRow> networks() {
        return networks;
    }

    IntegerProperty consolesProperty() {
        return consoles;
    }

    BooleanProperty startNowProperty() {
        return startNow;
    }

    BooleanProperty keepFailedProperty() {
        return keepFailed;
    }
}
