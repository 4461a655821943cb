package org.umlmanager.provision;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.umlmanager.job.ProgressListener;

/** Keeps log lines and stages for assertions; progress values in order. */
final class RecordingListener implements ProgressListener {

    final List<String> log;
    final List<String> stages = new CopyOnWriteArrayList<>();
    final List<Double> progress = new CopyOnWriteArrayList<>();

    RecordingListener(List<String> log) {
        this.log = log;
    }

    RecordingListener() {
        this(new CopyOnWriteArrayList<>());
    }

    @Override
    public void stage(String title) {
        stages.add(title);
    }

    @Override
    public void progress(double fraction) {
        progress.add(fraction);
    }

    @Override
    public void log(String line) {
        log.add(line);
    }
}
