package org.umlmanager.ui.editor;

import java.util.Optional;
import java.util.stream.IntStream;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.umlmanager.model.Disk;
import org.umlmanager.model.Instance;

/**
 * The Disks page: the ubd units in configuration order. Moving a disk up or down swaps its unit with the
 * neighbour's, so the guest sees the images under the other device names.
 */
public final class DisksViewModel {

    private final ObservableList<DiskViewModel> disks = FXCollections.observableArrayList();
    private final IntegerProperty selected = new SimpleIntegerProperty(-1);
    private final Runnable onChange;

    DisksViewModel(Runnable onChange) {
        this.onChange = onChange;
        disks.addListener((ListChangeListener<DiskViewModel>) c -> onChange.run());
    }

    void load(Instance i) {
        disks.setAll(i.disks().stream().map(d -> new DiskViewModel(d, onChange)).toList());
        selected.set(disks.isEmpty() ? -1 : 0);
    }

    void apply(Instance.Builder b) {
        b.disks(disks.stream().map(DiskViewModel::toDisk).toList());
    }

    /** Adds a disk on the first free unit and selects it; empty when all 16 are used. */
    public Optional<DiskViewModel> add() {
        var used = disks.stream().map(d -> d.unitProperty().get()).toList();
        var free = IntStream.range(0, Disk.MAX_UNITS).filter(u -> !used.contains(u)).findFirst();
        if (free.isEmpty()) {
            return Optional.empty();
        }
        var row = new DiskViewModel(Disk.of(free.getAsInt(), ""), onChange);
        disks.add(row);
        selected.set(disks.size() - 1);
        return Optional.of(row);
    }

    public void removeSelected() {
        int i = selected.get();
        if (i >= 0 && i < disks.size()) {
            disks.remove(i);
            selected.set(Math.min(i, disks.size() - 1));
        }
    }

    public void moveSelected(int delta) {
        int i = selected.get();
        int j = i + delta;
        if (i < 0 || j < 0 || i >= disks.size() || j >= disks.size()) {
            return;
        }
        DiskViewModel a = disks.get(i);
        DiskViewModel b = disks.get(j);
        int unitA = a.unitProperty().get();
        a.unitProperty().set(b.unitProperty().get());
        b.unitProperty().set(unitA);
        disks.set(i, b);
        disks.set(j, a);
        selected.set(j);
    }

    public BooleanBinding canAdd() {
        return Bindings.size(disks).lessThan(Disk.MAX_UNITS);
    }

    public ObservableList<DiskViewModel> disks() {
        return disks;
    }

    public IntegerProperty selectedProperty() {
        return selected;
    }

    /** Field path prefix of row {@code index} in the validator's problems. */
    public static String field(int index) {
        return "disks[" + index + "]";
    }
}
