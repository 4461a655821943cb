package org.umlmanager.ui.main;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import org.umlmanager.model.Instance;
import org.umlmanager.model.InstanceState;
import org.umlmanager.service.InstanceService;
import org.umlmanager.storage.LoadReport;
import org.umlmanager.ui.FxThread;

/**
 * The instance list: saved configurations merged with live states, a filter on name and umid,
 * the selection, and the status line. Results of background work arrive through {@code ui}.
 */
public final class MainViewModel {

    private final InstanceService instances;
    private final Executor ui;
    private final ObservableList<InstanceRow> rows = FXCollections.observableArrayList(
            r -> new Observable[] {r.stateProperty(), r.configProperty()});
    private final FilteredList<InstanceRow> filtered = new FilteredList<>(rows);
    private final SortedList<InstanceRow> sorted = new SortedList<>(filtered,
            (a, b) -> a.name().compareToIgnoreCase(b.name()));
    private final StringProperty filter = new SimpleStringProperty("");
    private final ObservableList<InstanceRow> selection = FXCollections.observableArrayList();
    private final ObjectProperty<InstanceRow> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<InstanceState> selectedState = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Map<String, InstanceState>> selectedStates =
            new ReadOnlyObjectWrapper<>(Map.of());
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper toSelect = new ReadOnlyStringWrapper();

    public MainViewModel(InstanceService instances, Executor ui) {
        this.instances = instances;
        this.ui = ui;
        filter.addListener((o, a, text) -> {
            String needle = text.strip().toLowerCase(Locale.ROOT);
            filtered.setPredicate(needle.isEmpty() ? null : r -> r.name().toLowerCase(Locale.ROOT).contains(needle)
                    || r.umidProperty().get().toLowerCase(Locale.ROOT).contains(needle));
        });
        selected.bind(Bindings.createObjectBinding(() -> selection.isEmpty() ? null : selection.get(0), selection));
        selection.addListener((Observable o) -> updateSelectedStates());
        rows.addListener((Observable o) -> updateSelectedStates());
        selected.addListener((o, old, row) -> {
            selectedState.unbind();
            if (row == null) {
                selectedState.set(null);
            } else {
                selectedState.bind(row.stateProperty());
            }
        });
    }

    private void updateSelectedStates() {
        Map<String, InstanceState> states = new LinkedHashMap<>();
        selection.forEach(r -> states.put(r.name(), r.state()));
        if (!states.equals(selectedStates.get())) {
            selectedStates.set(java.util.Collections.unmodifiableMap(states));
        }
    }

    /** Reloads the saved configurations; completes on the FX thread. */
    public CompletableFuture<LoadReport> refresh() {
        return instances.list().whenCompleteAsync((report, error) -> {
            if (error != null) {
                status.set("Could not read the instances: " + Errors.reason(error));
            } else {
                merge(report.instances());
                status.set(summary() + (report.problems().isEmpty() ? ""
                        : " — " + report.problems().size() + " file(s) could not be read: "
                        + report.problems().get(0)));
            }
        }, ui);
    }

    private void merge(List<Instance> configs) {
        Map<String, InstanceRow> byName = new LinkedHashMap<>();
        rows.forEach(r -> byName.put(r.name(), r));
        List<InstanceRow> keep = new ArrayList<>();
        for (Instance i : configs) {
            InstanceRow row = byName.remove(i.name());
            if (row == null) {
                row = new InstanceRow(i.name());
            }
            row.configProperty().set(Optional.of(i));
            row.umidProperty().set(i.umid());
            keep.add(row);
        }
        // Guests still running keep their row after their configuration went away.
        byName.values().stream().filter(r -> r.state().active()).forEach(r -> {
            r.configProperty().set(Optional.empty());
            keep.add(r);
        });
        // In place, not setAll: replacing the rows would clear the list's selection and the open editor.
        rows.removeIf(r -> !keep.contains(r));
        keep.stream().filter(r -> !rows.contains(r)).forEach(rows::add);
    }

    /** A state change from the runtime; adds a row for a guest running without a configuration. */
    public void stateChanged(String name, InstanceState state, String detail) {
        InstanceRow row = row(name).orElseGet(() -> {
            InstanceRow r = new InstanceRow(name);
            r.umidProperty().set(name);
            rows.add(r);
            return r;
        });
        row.stateProperty().set(state);
        row.detailProperty().set(detail == null ? "" : detail);
        status.set(summary());
    }

    /** The row of {@code name}. On the FX thread only, like all of the list. */
    public Optional<InstanceRow> row(String name) {
        FxThread.check("the instance list");
        return rows.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    private String summary() {
        long running = rows.stream().filter(r -> r.state().active()).count();
        return rows.size() + " instance" + (rows.size() == 1 ? "" : "s") + ", " + running + " running";
    }

    /** Asks the view to select the row named {@code name} (after a create or an import). */
    public void select(String name) {
        toSelect.set(null);
        toSelect.set(name);
    }

    /** The name the view should select next; the view clears nothing, it just follows changes. */
    public ReadOnlyStringProperty toSelectProperty() {
        return toSelect.getReadOnlyProperty();
    }

    public void setStatus(String text) {
        status.set(text);
    }

    /** The rows shown: filtered and sorted by name. */
    public SortedList<InstanceRow> visibleRows() {
        return sorted;
    }

    public ObservableList<InstanceRow> allRows() {
        return rows;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    /** Set by the view from the list's selection. */
    public ObservableList<InstanceRow> selection() {
        return selection;
    }

    /** The first selected row, or null. */
    public ObjectProperty<InstanceRow> selectedProperty() {
        return selected;
    }

    /** The state of the first selected row (null when nothing is selected): what actions bind to. */
    public ObjectProperty<InstanceState> selectedStateProperty() {
        return selectedState;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Every selected row's state, by name, in selection order: what actions on several guests follow. */
    public ReadOnlyObjectProperty<Map<String, InstanceState>> selectedStatesProperty() {
        return selectedStates.getReadOnlyProperty();
    }

    /** How far an action on several guests has come (0 to 1), or negative when none runs. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public void setProgress(double fraction) {
        progress.set(fraction);
    }
}
