package org.umlmanager.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.umlmanager.model.AppPaths;
import org.umlmanager.model.Instance;
import org.umlmanager.service.HostService;
import org.umlmanager.storage.InstanceStore;
import org.umlmanager.testing.FxWait;
import org.umlmanager.ui.DesktopFixture;

/**
 * First run on a bare machine: the host check finds no kernel and none of the tools; the window
 * says which feature needs which package, with the apt line, and the rest of it works.
 */
@ExtendWith(ApplicationExtension.class)
class BareHostTest {

    private Path home;
    private DesktopFixture desktop;
    private MainUi ui;

    @Start
    void start(Stage stage) throws Exception {
        home = Files.createTempDirectory(Path.of("/tmp"), "ubh");
        new InstanceStore(AppPaths.under(home).instancesDir())
                .create(Instance.builder("alpha").kernel(home.resolve("no-kernel").toString()).build());
        desktop = DesktopFixture.under(home);
        ui = desktop.show(stage, 1100, 750);
        // Nothing is found, as on a machine with none of the programs installed.
        HostService bare = new HostService(name -> Optional.empty(), ForkJoinPool.commonPool());
        ui.checkHost(bare.check(home.resolve("no-kernel").toString()));
    }

    @AfterEach
    void cleanUp() throws IOException {
        desktop.close();
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static String text(FxRobot robot, String query) {
        return FxWait.get(() -> robot.lookup(query).queryAs(Label.class).getText());
    }

    /** Whether the notice is in the window; on the FX thread. */
    private static boolean bannerShown(FxRobot robot) {
        return robot.lookup("#hostBanner").tryQuery().isPresent();
    }

    @Test
    void theWindowNamesEachMissingFeatureWithItsAptLineAndTheRestWorks(FxRobot robot) {
        FxWait.until("the notice", () -> bannerShown(robot));

        assertThat(text(robot, "#hostProblem-user-mode-linux")).isEqualTo("Starting machines needs the User Mode"
                + " Linux kernel (" + home.resolve("no-kernel") + "): sudo apt-get install user-mode-linux");
        assertThat(text(robot, "#hostProblem-uml-utilities")).endsWith("needs uml_switch: sudo apt-get install"
                + " uml-utilities");
        assertThat(text(robot, "#hostProblem-vde2")).startsWith("VDE networks").endsWith("sudo apt-get install vde2");
        assertThat(text(robot, "#hostProblem-mmdebstrap")).isEqualTo("New Debian machines needs mmdebstrap:"
                + " sudo apt-get install mmdebstrap");
        String command = FxWait.get(() -> robot.lookup("#hostInstallCommand").queryAs(TextField.class).getText());
        assertThat(command).isEqualTo("sudo apt-get install user-mode-linux uml-utilities vde2 mmdebstrap"
                + " busybox-static e2fsprogs");
        FxWait.click(robot, "#hostInstallCopy");
        FxWait.until("the command on the clipboard", () -> command.equals(Clipboard.getSystemClipboard().getString()));

        // The rest works: the list, the editor, the menus.
        TableView<?> table = robot.lookup("#instanceTable").queryTableView();
        FxWait.until("the row", () -> table.getItems().size() == 1);
        FxWait.run(() -> table.getSelectionModel().select(0));
        FxWait.until("the editor shows alpha", () -> robot.lookup("#nameField").tryQuery()
                .map(n -> ((TextField) n).getText()).filter("alpha"::equals).isPresent());
        FxWait.click(robot, "#fileMenu");
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);

        FxWait.click(robot, "#hostBannerDismiss");
        FxWait.until("the notice gone", () -> !bannerShown(robot));
    }

    @Test
    void aHostWithEverythingShowsNoNotice(FxRobot robot) throws Exception {
        FxWait.until("the notice", () -> bannerShown(robot));
        HostService complete = new HostService(name -> Optional.of(Path.of("/usr/bin", name)),
                ForkJoinPool.commonPool());

        ui.checkHost(complete.check("linux")).get(20, TimeUnit.SECONDS);

        assertThat(FxWait.get(() -> bannerShown(robot))).isFalse();
    }
}
