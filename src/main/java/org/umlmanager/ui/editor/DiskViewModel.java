package org.umlmanager.ui.editor;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.umlmanager.model.Disk;
import org.umlmanager.model.DiskFlag;

/** One row of the Disks page: a ubd unit with its image, optional COW file and flags. */
public final class DiskViewModel {

    private final IntegerProperty unit = new SimpleIntegerProperty();
    private final StringProperty image = new SimpleStringProperty("");
    private final BooleanProperty useCow = new SimpleBooleanProperty();
    private final StringProperty cowFile = new SimpleStringProperty("");
    private final StringProperty serial = new SimpleStringProperty("");
    private final Map<DiskFlag, BooleanProperty> flags = new EnumMap<>(DiskFlag.class);

    DiskViewModel(Disk disk, Runnable onChange) {
        for (DiskFlag f : DiskFlag.values()) {
            flags.put(f, new SimpleBooleanProperty(disk.flags().contains(f)));
        }
        unit.set(disk.unit());
        image.set(disk.image());
        useCow.set(disk.cowFile().isPresent());
        cowFile.set(disk.cowFile().orElse(""));
        serial.set(disk.serial().orElse(""));
        unit.addListener((o, a, b) -> onChange.run());
        for (var p : new javafx.beans.Observable[] {image, useCow, cowFile, serial}) {
            p.addListener(o -> onChange.run());
        }
        flags.values().forEach(p -> p.addListener(o -> onChange.run()));
    }

    Disk toDisk() {
        Set<DiskFlag> set = EnumSet.noneOf(DiskFlag.class);
        flags.forEach((f, p) -> {
            if (p.get()) {
                set.add(f);
            }
        });
        Optional<String> cow = useCow.get() ? Optional.of(cowFile.get().strip()) : Optional.empty();
        Optional<String> serialNumber = Optional.of(serial.get().strip()).filter(s -> !s.isEmpty());
        return new Disk(unit.get(), image.get().strip(), cow, set, serialNumber);
    }

    public IntegerProperty unitProperty() {
        return unit;
    }

    public StringProperty imageProperty() {
        return image;
    }

    public BooleanProperty useCowProperty() {
        return useCow;
    }

    public StringProperty cowFileProperty() {
        return cowFile;
    }

    public StringProperty serialProperty() {
        return serial;
    }

    public BooleanProperty flagProperty(DiskFlag flag) {
        return flags.get(flag);
    }

    /** {@code ubda}, for the table. */
    public String deviceName() {
        return Disk.deviceName(unit.get());
    }
}
