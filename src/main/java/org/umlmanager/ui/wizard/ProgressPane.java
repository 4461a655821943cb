package org.umlmanager.ui.wizard;

import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The running job: its step, a progress bar, the live log and, at the end, what went wrong. */
final class ProgressPane {

    private ProgressPane() {
    }

    static VBox create(CreationJob job) {
        Label stage = new Label();
        stage.setId("wizardStage");
        stage.textProperty().bind(job.stageProperty());
        ProgressBar bar = new ProgressBar();
        bar.setId("wizardProgress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(job.progressProperty());
        ListView<String> log = new ListView<>(job.log());
        log.setId("wizardLog");
        log.setPrefHeight(260);
        VBox.setVgrow(log, Priority.ALWAYS);
        job.log().addListener((ListChangeListener<String>) c -> {
            if (!job.log().isEmpty()) {
                log.scrollTo(job.log().size() - 1);
            }
        });
        Label error = new Label();
        error.setId("wizardError");
        error.setWrapText(true);
        error.getStyleClass().addAll("field-message", "error");
        error.textProperty().bind(job.errorProperty());
        error.visibleProperty().bind(job.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        return new VBox(8, stage, bar, log, error);
    }
}
