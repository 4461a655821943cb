package org.umlmanager.ui.lab;

import java.util.List;
import java.util.Map;

/**
 * Places the nodes the user has not placed: a force-directed layout (linked nodes pull together,
 * all nodes push apart) started from a circle, deterministic, then scaled into the drawing area.
 * Nodes already placed stay where they are and pull on the others.
 */
final class TopologyLayout {

    private static final int ROUNDS = 300;

    private TopologyLayout() {
    }

    /**
     * Sets x and y of every node not in {@code placed}.
     *
     * @param width  the area to lay out in
     * @param height the area to lay out in
     */
    static void layout(List<TopologyNode> nodes, List<TopologyEdge> edges, java.util.Set<TopologyNode> placed,
                       double width, double height) {
        int n = nodes.size();
        if (n == 0 || placed.size() == n) {
            return;
        }
        double[] x = new double[n];
        double[] y = new double[n];
        Map<TopologyNode, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(nodes.get(i), i);
            TopologyNode node = nodes.get(i);
            if (placed.contains(node)) {
                x[i] = node.xProperty().get();
                y[i] = node.yProperty().get();
            } else {
                double angle = 2 * Math.PI * i / n;
                x[i] = width / 2 + Math.cos(angle) * width / 3;
                y[i] = height / 2 + Math.sin(angle) * height / 3;
            }
        }
        double k = Math.sqrt(width * height / n) * 0.6;
        double temperature = width / 8;
        for (int round = 0; round < ROUNDS; round++) {
            double[] dx = new double[n];
            double[] dy = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    double ex = x[i] - x[j];
                    double ey = y[i] - y[j];
                    double d = Math.max(1, Math.hypot(ex, ey));
                    double f = k * k / d;
                    dx[i] += ex / d * f;
                    dy[i] += ey / d * f;
                    dx[j] -= ex / d * f;
                    dy[j] -= ey / d * f;
                }
            }
            for (TopologyEdge e : edges) {
                int a = index.get(e.device());
                int b = index.get(e.network());
                double ex = x[a] - x[b];
                double ey = y[a] - y[b];
                double d = Math.max(1, Math.hypot(ex, ey));
                double f = d * d / k;
                dx[a] -= ex / d * f;
                dy[a] -= ey / d * f;
                dx[b] += ex / d * f;
                dy[b] += ey / d * f;
            }
            for (int i = 0; i < n; i++) {
                if (placed.contains(nodes.get(i))) {
                    continue;
                }
                double d = Math.max(1, Math.hypot(dx[i], dy[i]));
                x[i] += dx[i] / d * Math.min(d, temperature);
                y[i] += dy[i] / d * Math.min(d, temperature);
            }
            temperature *= 0.985;
        }
        fit(nodes, placed, x, y, width, height);
    }

    /** Scales the free nodes into the area, keeping a margin. */
    private static void fit(List<TopologyNode> nodes, java.util.Set<TopologyNode> placed, double[] x, double[] y,
                            double width, double height) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (int i = 0; i < nodes.size(); i++) {
            if (!placed.contains(nodes.get(i))) {
                minX = Math.min(minX, x[i]);
                maxX = Math.max(maxX, x[i]);
                minY = Math.min(minY, y[i]);
                maxY = Math.max(maxY, y[i]);
            }
        }
        double margin = 70;
        if (!placed.isEmpty()) {
            for (int i = 0; i < nodes.size(); i++) {
                TopologyNode node = nodes.get(i);
                if (!placed.contains(node)) {
                    node.xProperty().set(Math.max(margin, Math.min(width - margin, x[i])));
                    node.yProperty().set(Math.max(margin, Math.min(height - margin, y[i])));
                }
            }
            return;
        }
        // Turn the drawing so that its longest extent runs across, then scale it evenly into the area.
        double cx = 0;
        double cy = 0;
        int free = 0;
        for (int i = 0; i < nodes.size(); i++) {
            if (!placed.contains(nodes.get(i))) {
                cx += x[i];
                cy += y[i];
                free++;
            }
        }
        cx /= free;
        cy /= free;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        for (int i = 0; i < nodes.size(); i++) {
            if (!placed.contains(nodes.get(i))) {
                sxx += (x[i] - cx) * (x[i] - cx);
                syy += (y[i] - cy) * (y[i] - cy);
                sxy += (x[i] - cx) * (y[i] - cy);
            }
        }
        double angle = -0.5 * Math.atan2(2 * sxy, sxx - syy);
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        minX = Double.MAX_VALUE;
        minY = Double.MAX_VALUE;
        maxX = -Double.MAX_VALUE;
        maxY = -Double.MAX_VALUE;
        double[] rx = new double[nodes.size()];
        double[] ry = new double[nodes.size()];
        for (int i = 0; i < nodes.size(); i++) {
            rx[i] = (x[i] - cx) * cos - (y[i] - cy) * sin;
            ry[i] = (x[i] - cx) * sin + (y[i] - cy) * cos;
            if (!placed.contains(nodes.get(i))) {
                minX = Math.min(minX, rx[i]);
                maxX = Math.max(maxX, rx[i]);
                minY = Math.min(minY, ry[i]);
                maxY = Math.max(maxY, ry[i]);
            }
        }
        double sx = maxX > minX ? (width - 2 * margin) / (maxX - minX) : Double.MAX_VALUE;
        double sy = maxY > minY ? (height - 2 * margin) / (maxY - minY) : Double.MAX_VALUE;
        double scale = Math.min(sx, sy) == Double.MAX_VALUE ? 1 : Math.min(sx, sy);
        double midX = (minX + maxX) / 2;
        double midY = (minY + maxY) / 2;
        for (int i = 0; i < nodes.size(); i++) {
            TopologyNode node = nodes.get(i);
            if (!placed.contains(node)) {
                node.xProperty().set(width / 2 + (rx[i] - midX) * scale);
                node.yProperty().set(height / 2 + (ry[i] - midY) * scale);
            }
        }
    }
}
