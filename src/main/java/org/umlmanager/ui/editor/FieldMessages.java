package org.umlmanager.ui.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.InvalidationListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import org.controlsfx.validation.ValidationMessage;
import org.controlsfx.validation.decoration.CompoundValidationDecoration;
import org.controlsfx.validation.decoration.GraphicValidationDecoration;
import org.controlsfx.validation.decoration.StyleClassValidationDecoration;
import org.controlsfx.validation.decoration.ValidationDecoration;
import org.umlmanager.cmdline.Problem;

/**
 * Shows the validator's problems next to the controls they concern: a ControlsFX decoration on
 * the control and the message itself in a label under it. A problem goes to the control whose
 * field path is its field; failing that, to the control whose path is the longest prefix of it
 * ({@code networks[0]} takes {@code networks[0].mtu} when there is no MTU field).
 */
public final class FieldMessages {

    private final ObservableList<Problem> problems;
    private final ValidationDecoration decoration = new CompoundValidationDecoration(
            new GraphicValidationDecoration(), new StyleClassValidationDecoration());
    private final List<Entry> entries = new ArrayList<>();

    private record Entry(Object group, Control control, Supplier<String> field, Label label) {
    }

    public FieldMessages(ObservableList<Problem> problems) {
        this.problems = problems;
        problems.addListener((InvalidationListener) o -> refresh());
    }

    /** Runs {@code action} after each change of the problems. */
    void problemsChanged(Runnable action) {
        problems.addListener((InvalidationListener) o -> action.run());
    }

    /** Whether an error concerns {@code path} or anything under it. */
    boolean hasErrorsUnder(String path) {
        return problems.stream().anyMatch(p -> p.isError() && (p.field().equals(path)
                || p.field().startsWith(path + ".") || p.field().startsWith(path + "[")));
    }

    /** Binds {@code control} to the problems of {@code field}; returns the label showing them. */
    Label register(Object group, Control control, Supplier<String> field) {
        Label label = new Label();
        label.getStyleClass().add("field-message");
        label.setWrapText(true);
        label.managedProperty().bind(label.visibleProperty());
        label.setVisible(false);
        if (control.getId() != null) {
            label.setId(control.getId() + "Message");
        }
        entries.add(new Entry(group, control, field, label));
        refresh();
        return label;
    }

    /** Forgets the controls of {@code group} (a detail form being rebuilt). */
    public void clear(Object group) {
        entries.removeIf(e -> {
            if (e.group() == group) {
                decoration.removeDecorations(e.control());
                return true;
            }
            return false;
        });
    }

    void refresh() {
        List<List<Problem>> assigned = new ArrayList<>();
        entries.forEach(e -> assigned.add(new ArrayList<>()));
        for (Problem p : problems) {
            owner(p.field()).ifPresent(i -> assigned.get(i).add(p));
        }
        for (int i = 0; i < entries.size(); i++) {
            show(entries.get(i), assigned.get(i));
        }
    }

    private Optional<Integer> owner(String field) {
        int best = -1;
        int bestLength = -1;
        for (int i = 0; i < entries.size(); i++) {
            String path = entries.get(i).field().get();
            if (path == null || path.isEmpty()) {
                continue;
            }
            if (path.equals(field)) {
                return Optional.of(i);
            }
            boolean prefix = field.startsWith(path)
                    && (field.charAt(path.length()) == '.' || field.charAt(path.length()) == '[');
            if (prefix && path.length() > bestLength) {
                best = i;
                bestLength = path.length();
            }
        }
        return best < 0 ? Optional.empty() : Optional.of(best);
    }

    private void show(Entry e, List<Problem> found) {
        decoration.removeDecorations(e.control());
        if (found.isEmpty()) {
            e.label().setText("");
            e.label().setVisible(false);
            return;
        }
        boolean error = found.stream().anyMatch(Problem::isError);
        String text = found.stream().map(Problem::message).collect(Collectors.joining("\n"));
        e.label().setText(text);
        e.label().getStyleClass().removeAll("error", "warning");
        e.label().getStyleClass().add(error ? "error" : "warning");
        e.label().setVisible(true);
        decoration.applyValidationDecoration(error ? ValidationMessage.error(e.control(), text)
                : ValidationMessage.warning(e.control(), text));
    }
}
