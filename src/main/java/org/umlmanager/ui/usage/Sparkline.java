package org.umlmanager.ui.usage;

import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;

/** The CPU of the last three minutes of one machine, small, for the machine list. */
public final class Sparkline {

    private Sparkline() {
    }

    /**
     * A list cell whose item is a machine's name: its CPU graph while it runs, nothing otherwise.
     * Redraws when the history changes.
     */
    public static final class Cell<S> extends TableCell<S, String> {
        private final UsageHistory history;
        private final Graph graph = new Graph(56, 18);
        private final Tooltip tip = new Tooltip();
        private final InvalidationListener redraw = o -> draw();

        public Cell(UsageHistory history) {
            this.history = history;
            graph.getStyleClass().add("sparkline");
            history.versionProperty().addListener(new WeakInvalidationListener(redraw));
        }

        @Override
        protected void updateItem(String name, boolean empty) {
            super.updateItem(name, empty);
            draw();
        }

        private void draw() {
            String name = isEmpty() ? null : getItem();
            UsageHistory.Series s = name == null ? null : history.of(name);
            if (s == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            double[] cpu = s.cpu();
            double peak = 0;
            for (double v : cpu) {
                if (!Double.isNaN(v)) {
                    peak = Math.max(peak, v);
                }
            }
            graph.show(cpu, Math.max(1, Math.ceil(peak)), UsageView.CPU);
            tip.setText("CPU " + UsageView.percent(s.lastCpu()) + " of one core; memory in use "
                    + (Double.isNaN(s.lastMemUsed()) ? "not known" : UsageView.mib(s.lastMemUsed())));
            setTooltip(tip);
            setGraphic(graph);
            setAccessibleText("CPU " + UsageView.percent(s.lastCpu()));
        }
    }
}
