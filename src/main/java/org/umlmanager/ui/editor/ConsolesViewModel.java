package org.umlmanager.ui.editor;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.umlmanager.model.AgentLine;
import org.umlmanager.model.ConsoleChannel;
import org.umlmanager.model.ConsoleLine;
import org.umlmanager.model.Instance;
import org.umlmanager.model.LineKind;
import org.umlmanager.model.LineSpec;

/** The Consoles &amp; serial lines page, in command-line order. */
public final class ConsolesViewModel {

    private final ObservableList<LineViewModel> lines = FXCollections.observableArrayList();
    private final IntegerProperty selected = new SimpleIntegerProperty(-1);
    private final Runnable onChange;
    /** The exec agent's line is not edited here, but it must survive an edit of the rest. */
    private Optional<AgentLine> agent = Optional.empty();

    ConsolesViewModel(Runnable onChange) {
        this.onChange = onChange;
        lines.addListener((ListChangeListener<LineViewModel>) c -> onChange.run());
    }

    void load(Instance i) {
        agent = i.agent();
        lines.setAll(i.consoles().stream().map(c -> new LineViewModel(c, onChange)).toList());
        selected.set(lines.isEmpty() ? -1 : 0);
    }

    void apply(Instance.Builder b) {
        b.consoles(lines.stream().map(LineViewModel::toModel).toList());
        b.agent(agent.orElse(null));
    }

    /** Adds the first unused line of {@code kind} as an embedded tab, and selects it. */
    public LineViewModel add(LineKind kind) {
        int index = IntStream.range(0, kind.count())
                .filter(n -> lines.stream().noneMatch(l -> l.name().equals(kind.prefix() + n)))
                .findFirst().orElse(0);
        var row = new LineViewModel(new ConsoleLine(kind, OptionalInt.of(index), LineSpec.of(ConsoleChannel.EMBEDDED)), onChange);
        lines.add(row);
        selected.set(lines.size() - 1);
        return row;
    }

    public void removeSelected() {
        int i = selected.get();
        if (i >= 0 && i < lines.size()) {
            lines.remove(i);
            selected.set(Math.min(i, lines.size() - 1));
        }
    }

    public ObservableList<LineViewModel> lines() {
        return lines;
    }

    public IntegerProperty selectedProperty() {
        return selected;
    }

    public static String field(int index) {
        return "consoles[" + index + "]";
    }
}
