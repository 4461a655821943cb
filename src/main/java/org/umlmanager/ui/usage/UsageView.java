package org.umlmanager.ui.usage;

import java.util.Arrays;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/**
 * The Usage view of the selected machine: its CPU (host time of its processes, in % of one core)
 * and the memory in use inside it, over the last three minutes.
 */
public final class UsageView {

    static final Color CPU = Color.web("#3b8ed8");
    static final Color MEMORY = Color.web("#8e5bd8");

    private final UsageHistory history;
    private final VBox root = new VBox(8);
    private final Label title = new Label();
    private final Label cpuText = new Label();
    private final Label memText = new Label();
    private final Graph cpu = new Graph(600, 160);
    private final Graph memory = new Graph(600, 160);
    private final Label idle = new Label();
    private String name;

    public UsageView(UsageHistory history) {
        this.history = history;
        root.setId("usageView");
        root.setPadding(new Insets(12));
        title.getStyleClass().add("section-title");
        cpuText.setId("usageCpu");
        memText.setId("usageMemory");
        cpu.setId("usageCpuGraph");
        memory.setId("usageMemoryGraph");
        idle.setId("usageIdle");
        idle.setWrapText(true);
        VBox.setVgrow(cpu, Priority.ALWAYS);
        VBox.setVgrow(memory, Priority.ALWAYS);
        root.getChildren().setAll(title, cpuText, cpu, memText, memory, idle);
        history.versionProperty().addListener(o -> update());
    }

    public VBox root() {
        return root;
    }

    /** Shows {@code machine} (null: none selected). */
    public void show(String machine) {
        name = machine;
        update();
    }

    private void update() {
        UsageHistory.Series s = name == null ? null : history.of(name);
        title.setText(name == null ? "Usage" : "Usage of " + name);
        boolean running = s != null;
        for (var n : new javafx.scene.Node[] {cpuText, cpu, memText, memory}) {
            n.setVisible(running);
            n.setManaged(running);
        }
        idle.setVisible(!running);
        idle.setManaged(!running);
        if (!running) {
            idle.setText(name == null ? "Select a machine." : name + " is not running: its CPU and memory use"
                    + " show here while it runs.");
            return;
        }
        double[] c = s.cpu();
        double peak = Arrays.stream(c).filter(v -> !Double.isNaN(v)).max().orElse(0);
        double scale = Math.max(1, Math.ceil(peak));
        cpu.show(c, scale, CPU);
        cpuText.setText("CPU: " + percent(s.lastCpu()) + " of one core now, at most " + percent(peak)
                + " in the last 3 minutes (host time of its processes; graph 0–" + percent(scale) + ")");
        double total = s.memTotal();
        memory.show(s.memUsed(), Double.isNaN(total) ? 1 : total, MEMORY);
        memText.setText("Memory in use: " + (Double.isNaN(s.lastMemUsed()) ? "not known (no answer from its"
                + " mconsole)" : mib(s.lastMemUsed()) + (Double.isNaN(total) ? "" : " of " + mib(total)
                + " (graph 0–" + mib(total) + ")")));
    }

    static String percent(double cores) {
        return Double.isNaN(cores) ? "…" : String.format(Locale.ROOT, "%.0f %%", cores * 100);
    }

    static String mib(double bytes) {
        return String.format(Locale.ROOT, "%.0f MiB", bytes / (1 << 20));
    }
}
