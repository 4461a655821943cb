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
        double sx = maxX > minX ? (width - 2 * margin) / (maxX - minX) : 1;
        double sy = maxY > minY ? (height - 2 * margin) / (maxY - minY) : 1;
        for (int i = 0; i < nodes.size(); i++) {
            TopologyNode node = nodes.get(i);
            if (!placed.contains(node)) {
                node.xProperty().set(maxX > minX ? margin + (x[i] - minX) * sx : width / 2);
                node.yProperty().set(maxY > minY ? margin + (y[i] - minY) * sy : height / 2);
            }
        }
    }
}
