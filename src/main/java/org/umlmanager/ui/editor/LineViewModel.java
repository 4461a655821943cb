package org.umlmanager.ui.editor;

import java.util.OptionalInt;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.umlmanager.model.ConsoleChannel;
import org.umlmanager.model.ConsoleLine;
import org.umlmanager.model.LineKind;
import org.umlmanager.model.LineSpec;

/**
 * One {@code conN=}/{@code sslN=} option. With {@code allLines} it is the default for every line
 * of its kind ({@code con=}). A single line uses {@link #input()} as its one channel.
 */
public final class LineViewModel {

    private final ObjectProperty<LineKind> kind = new SimpleObjectProperty<>(LineKind.CON);
    private final BooleanProperty allLines = new SimpleBooleanProperty();
    private final IntegerProperty index = new SimpleIntegerProperty();
    private final ObjectProperty<LineMode> mode = new SimpleObjectProperty<>(LineMode.SINGLE);
    private final ChannelViewModel input;
    private final ChannelViewModel output;

    LineViewModel(ConsoleLine line, Runnable onChange) {
        kind.set(line.kind());
        allLines.set(line.index().isEmpty());
        index.set(line.index().orElse(0));
        ConsoleChannel in = ConsoleChannel.EMBEDDED;
        ConsoleChannel out = ConsoleChannel.EMBEDDED;
        if (line.spec() instanceof LineSpec.Single s) {
            mode.set(LineMode.SINGLE);
            in = s.channel();
            out = s.channel();
        } else if (line.spec() instanceof LineSpec.Split s) {
            mode.set(LineMode.SPLIT);
            in = s.input();
            out = s.output();
        } else {
            mode.set(LineMode.DISABLED);
        }
        input = new ChannelViewModel(in, onChange);
        output = new ChannelViewModel(out, onChange);
        kind.addListener(o -> onChange.run());
        allLines.addListener(o -> onChange.run());
        index.addListener(o -> onChange.run());
        mode.addListener(o -> onChange.run());
    }

    ConsoleLine toModel() {
        LineSpec spec = switch (mode.get()) {
            case SINGLE -> LineSpec.of(input.toModel());
            case SPLIT -> new LineSpec.Split(input.toModel(), output.toModel());
            case DISABLED -> LineSpec.DISABLED;
        };
        return new ConsoleLine(kind.get(), allLines.get() ? OptionalInt.empty() : OptionalInt.of(index.get()), spec);
    }

    /** {@code con0}, {@code ssl1} or {@code con} (all consoles), for the list. */
    public String name() {
        return allLines.get() ? kind.get().prefix() : kind.get().prefix() + index.get();
    }

    public ObjectProperty<LineKind> kindProperty() {
        return kind;
    }

    public BooleanProperty allLinesProperty() {
        return allLines;
    }

    public IntegerProperty indexProperty() {
        return index;
    }

    public ObjectProperty<LineMode> modeProperty() {
        return mode;
    }

    public ChannelViewModel input() {
        return input;
    }

    public ChannelViewModel output() {
        return output;
    }
}
