package org.umlmanager.ui.lab;

import java.util.List;
import org.umlmanager.model.NodePosition;

/**
 * The drawing as SVG: the same nodes, links, labels and state colours as the window, for slides
 * and handouts. Pure; reads the nodes' current positions and states.
 */
final class TopologySvg {

    private TopologySvg() {
    }

    static String render(String title, List<TopologyNode> nodes, List<TopologyEdge> edges) {
        double maxX = nodes.stream().mapToDouble(n -> n.xProperty().get()).max().orElse(0) + 90;
        double maxY = nodes.stream().mapToDouble(n -> n.yProperty().get()).max().orElse(0) + 70;
        StringBuilder b = new StringBuilder();
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append(String.format(java.util.Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\""
                + " height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" font-family=\"DejaVu Sans, sans-serif\">%n",
                maxX, maxY, maxX, maxY));
        b.append("  <title>").append(escape(title)).append("</title>\n");
        b.append("  <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        for (TopologyEdge e : edges) {
            double x1 = e.device().xProperty().get();
            double y1 = e.device().yProperty().get();
            double x2 = e.network().xProperty().get();
            double y2 = e.network().yProperty().get();
            b.append(String.format(java.util.Locale.ROOT, "  <line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\""
                    + " stroke=\"#607d8b\" stroke-width=\"2\"/>%n", x1, y1, x2, y2));
            double[] at = TopologyView.labelAt(e);
            b.append(String.format(java.util.Locale.ROOT, "  <text x=\"%.1f\" y=\"%.1f\" font-size=\"11\""
                    + " fill=\"#37474f\" text-anchor=\"middle\">%s</text>%n", at[0], at[1] + 4, escape(e.label())));
        }
        for (TopologyNode n : nodes) {
            double x = n.xProperty().get();
            double y = n.yProperty().get();
            String fill = n.state().colour();
            if (n.kind() == NodePosition.Kind.DEVICE) {
                b.append(String.format(java.util.Locale.ROOT, "  <rect x=\"%.1f\" y=\"%.1f\" width=\"%d\""
                        + " height=\"%d\" rx=\"8\" fill=\"%s\" stroke=\"#263238\" stroke-width=\"1.5\"/>%n",
                        x - TopologyView.DEVICE_WIDTH / 2, y - TopologyView.DEVICE_HEIGHT / 2,
                        (int) TopologyView.DEVICE_WIDTH, (int) TopologyView.DEVICE_HEIGHT, fill));
            } else {
                b.append(String.format(java.util.Locale.ROOT, "  <ellipse cx=\"%.1f\" cy=\"%.1f\" rx=\"%d\" ry=\"%d\""
                        + " fill=\"%s\" stroke=\"#263238\" stroke-width=\"1.5\"%s/>%n", x, y,
                        (int) TopologyView.DOMAIN_RADIUS_X, (int) TopologyView.DOMAIN_RADIUS_Y, fill,
                        n.kind() == NodePosition.Kind.NETWORK ? " stroke-dasharray=\"5,3\"" : ""));
            }
            b.append(String.format(java.util.Locale.ROOT, "  <text x=\"%.1f\" y=\"%.1f\" font-size=\"13\""
                    + " font-weight=\"bold\" fill=\"#ffffff\" text-anchor=\"middle\">%s</text>%n", x, y,
                    escape(n.name())));
            b.append(String.format(java.util.Locale.ROOT, "  <text x=\"%.1f\" y=\"%.1f\" font-size=\"10\""
                    + " fill=\"#ffffff\" text-anchor=\"middle\">%s</text>%n", x, y + 12, escape(n.state().word())));
        }
        b.append("</svg>\n");
        return b.toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
