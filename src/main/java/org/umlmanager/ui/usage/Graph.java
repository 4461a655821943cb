package org.umlmanager.ui.usage;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * A small area chart of recent values drawn on a canvas: cheap to redraw every two seconds for
 * dozens of guests (no scene-graph nodes per point, unlike a chart control). Values are scaled to
 * {@code [0, max]}; NaN leaves a gap. The colours come from the style class's CSS ({@code -fx-text-fill}
 * is the line, through a {@link Region} the canvas lives in).
 */
public final class Graph extends Region {

    private final Canvas canvas = new Canvas();
    private double[] values = new double[0];
    private double max = 1;
    private Color line = Color.web("#3b73c4");

    public Graph(double prefWidth, double prefHeight) {
        getChildren().add(canvas);
        setPrefSize(prefWidth, prefHeight);
        setMinSize(20, 10);
        getStyleClass().add("usage-graph");
    }

    /** Shows {@code newValues} (oldest first, at most {@link UsageHistory#SAMPLES}) on a scale of 0–{@code newMax}. */
    public void show(double[] newValues, double newMax, Color colour) {
        values = newValues;
        max = newMax > 0 ? newMax : 1;
        line = colour;
        draw();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(Math.floor(getWidth()));
        canvas.setHeight(Math.floor(getHeight()));
        draw();
    }

    private void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        if (w <= 0 || h <= 0) {
            return;
        }
        g.setStroke(line.deriveColor(0, 1, 1, 0.35));
        g.setLineWidth(1);
        g.strokeLine(0, h - 0.5, w, h - 0.5);
        int n = UsageHistory.SAMPLES;
        double step = w / (n - 1);
        int offset = n - values.length;
        g.setFill(line.deriveColor(0, 1, 1, 0.25));
        g.setStroke(line);
        g.setLineWidth(1.5);
        int i = 0;
        while (i < values.length) {
            while (i < values.length && Double.isNaN(values[i])) {
                i++;
            }
            int start = i;
            while (i < values.length && !Double.isNaN(values[i])) {
                i++;
            }
            if (i - start < 1) {
                continue;
            }
            g.beginPath();
            g.moveTo((offset + start) * step, h);
            for (int k = start; k < i; k++) {
                g.lineTo((offset + k) * step, y(values[k], h));
            }
            g.lineTo((offset + i - 1) * step, h);
            g.closePath();
            g.fill();
            g.beginPath();
            g.moveTo((offset + start) * step, y(values[start], h));
            for (int k = start + 1; k < i; k++) {
                g.lineTo((offset + k) * step, y(values[k], h));
            }
            g.stroke();
        }
    }

    private double y(double v, double h) {
        double f = Math.max(0, Math.min(1, v / max));
        return h - 1 - f * (h - 3);
    }
}
