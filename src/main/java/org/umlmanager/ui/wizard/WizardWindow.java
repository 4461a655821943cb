package org.umlmanager.ui.wizard;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.umlmanager.model.Instance;
import org.umlmanager.provision.ProvisionResult;
import org.umlmanager.service.JobService;

/** The wizard's window: the steps on the left, the page, Back / Next / Create / Cancel. */
final class WizardWindow {

    /** The step shown, on its label in the list of steps. */
    static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");

    private final Stage stage = new Stage();
    private final NewVmForm form;
    private final CreationJob job;
    private final JobService jobs;
    private final Function<Instance, String> commandLine;
    private final CompletableFuture<Optional<NewVmWizard.Created>> result = new CompletableFuture<>();
    private final StackPane content = new StackPane();
    private final VBox steps = new VBox(6);
    private final Label problem = new Label();
    private final Button back = new Button("Back");
    private final Button next = new Button("Next");
    private final Button create = new Button("Create");
    private final Button cancel = new Button("Cancel");
    private WizardPage page = WizardPage.NAME;
    private boolean showingJob;

    WizardWindow(Window owner, NewVmForm form, CreationJob job, JobService jobs,
                 Function<Instance, String> commandLine) {
        this.form = form;
        this.job = job;
        this.jobs = jobs;
        this.commandLine = commandLine;
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("New virtual machine");
        back.setId("wizardBack");
        next.setId("wizardNext");
        next.setDefaultButton(true);
        create.setId("wizardCreate");
        cancel.setId("wizardCancel");
        problem.setId("wizardProblem");
        problem.setWrapText(true);
        problem.setStyle("-fx-text-fill: #b00020;");
        back.setOnAction(e -> back());
        next.setOnAction(e -> next());
        create.setOnAction(e -> create());
        cancel.setOnAction(e -> cancel());
        stage.setOnCloseRequest(e -> {
            if (job.runningProperty().get()) {
                e.consume();
                job.cancel();
            }
        });
        stage.setOnHidden(e -> result.complete(Optional.empty()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, cancel, spacer, back, next, create);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox center = new VBox(10, content, problem);
        VBox.setVgrow(content, Priority.ALWAYS);
        BorderPane root = new BorderPane(center);
        steps.setPadding(new Insets(0, 16, 0, 0));
        steps.setMinWidth(130);
        root.setLeft(steps);
        root.setBottom(buttons);
        BorderPane.setMargin(buttons, new Insets(12, 0, 0, 0));
        root.setPadding(new Insets(16));
        stage.setScene(new Scene(root, 720, 520));
    }

    /** Shows the wizard at its first step. */
    CompletableFuture<Optional<NewVmWizard.Created>> open() {
        show(WizardPage.NAME);
        stage.show();
        return result;
    }

    /** Skips the steps: shows the progress of creating the form's machine at once. */
    CompletableFuture<Optional<NewVmWizard.Created>> runDirectly() {
        stage.setTitle("Creating your first virtual machine");
        steps.setVisible(false);
        steps.setManaged(false);
        stage.show();
        create();
        return result;
    }

    private void show(WizardPage target) {
        page = target;
        showingJob = false;
        problem.setText("");
        Node node = target == WizardPage.SUMMARY ? SummaryPage.create(form, jobs, commandLine)
                : WizardPages.page(target, form);
        content.getChildren().setAll(node);
        steps.getChildren().clear();
        for (WizardPage p : WizardPage.values()) {
            Label l = new Label(p.title());
            l.setId("wizardStep-" + p.name());
            l.setStyle(p == target ? "-fx-font-weight: bold;" : "-fx-opacity: 0.7;");
            l.pseudoClassStateChanged(CURRENT, p == target);
            steps.getChildren().add(l);
        }
        back.setDisable(target == WizardPage.NAME);
        next.setVisible(target != WizardPage.SUMMARY);
        next.setManaged(next.isVisible());
        create.setVisible(target == WizardPage.SUMMARY);
        create.setManaged(create.isVisible());
        create.setDefaultButton(target == WizardPage.SUMMARY);
        create.setDisable(form.problem(WizardPage.SUMMARY).isPresent());
        cancel.setText("Cancel");
    }

    private void next() {
        Optional<String> wrong = form.problem(page);
        if (wrong.isPresent()) {
            problem.setText(wrong.get());
            return;
        }
        show(WizardPage.values()[page.ordinal() + 1]);
    }

    private void back() {
        if (showingJob) {
            show(WizardPage.SUMMARY);
        } else if (page.ordinal() > 0) {
            show(WizardPage.values()[page.ordinal() - 1]);
        }
    }

    private void create() {
        Optional<String> wrong = form.problem(WizardPage.SUMMARY);
        if (wrong.isPresent()) {
            problem.setText(wrong.get());
            return;
        }
        showingJob = true;
        problem.setText("");
        content.getChildren().setAll(ProgressPane.create(job));
        back.disableProperty().bind(job.runningProperty());
        next.setVisible(false);
        next.setManaged(false);
        create.setVisible(false);
        create.setManaged(false);
        cancel.setText("Cancel");
        job.start(form.request()).thenAccept(this::finished);
    }

    private void finished(Optional<ProvisionResult> made) {
        back.disableProperty().unbind();
        if (made.isPresent()) {
            result.complete(Optional.of(new NewVmWizard.Created(made.get().instance(), form.startNowProperty().get())));
            stage.hide();
            return;
        }
        back.setDisable(!steps.isVisible());
        cancel.setText("Close");
    }

    private void cancel() {
        if (job.runningProperty().get()) {
            job.cancel();
        } else {
            stage.hide();
        }
    }
}
