package org.umlmanager.ui.wizard;

import java.util.Arrays;
import java.util.Optional;
import javafx.scene.Node;
import org.testfx.api.FxRobot;
import org.umlmanager.testing.FxWait;

/**
 * Moves through the wizard's pages one at a time: each Next is clicked only once the page it
 * belongs to is showing, and the next click waits for the page it led to. A test that clicks on
 * regardless races the page changes (and a click that lands while a page is being replaced goes
 * to whatever is under the pointer then).
 */
public final class WizardSteps {

    private WizardSteps() {
    }

    /** The page the wizard shows, if a wizard with steps is open. */
    public static Optional<WizardPage> current(FxRobot robot) {
        return FxWait.get(() -> shown(robot));
    }

    /** On the FX thread. */
    private static Optional<WizardPage> shown(FxRobot robot) {
        return Arrays.stream(WizardPage.values()).filter(p -> isCurrent(robot, p)).findFirst();
    }

    /** Waits until the wizard shows {@code page}. */
    public static void await(FxRobot robot, WizardPage page) {
        FxWait.until("the wizard shows " + page, () -> isCurrent(robot, page));
    }

    /** Clicks on the text field {@code query}, types {@code text} and waits until the field holds it. */
    public static void type(FxRobot robot, String query, String text) {
        FxWait.click(robot, query);
        robot.write(text);
        FxWait.until(query + " holds what was typed", () -> robot.lookup(query)
                .queryAs(javafx.scene.control.TextInputControl.class).getText().equals(text));
    }

    /** Clicks Next on {@code from} and waits until the wizard shows the page after it. */
    public static void next(FxRobot robot, WizardPage from) {
        WizardPage to = WizardPage.values()[from.ordinal() + 1];
        await(robot, from);
        FxWait.click(robot, "#wizardNext");
        FxWait.until("Next leads from " + from + " to " + to, () -> isCurrent(robot, to));
    }

    /** Clicks Next until the page titled {@code title}. */
    public static void nextTo(FxRobot robot, String title) {
        WizardPage target = Arrays.stream(WizardPage.values()).filter(p -> p.title().equals(title)).findFirst()
                .orElseThrow();
        FxWait.until("a wizard page is showing", () -> shown(robot).isPresent());
        for (WizardPage page = current(robot).orElseThrow(); page != target;
                page = WizardPage.values()[page.ordinal() + 1]) {
            next(robot, page);
        }
    }

    private static boolean isCurrent(FxRobot robot, WizardPage page) {
        return robot.lookup("#wizardStep-" + page.name()).tryQuery().map(WizardSteps::isCurrent).orElse(false);
    }

    private static boolean isCurrent(Node step) {
        return step.getPseudoClassStates().contains(WizardWindow.CURRENT);
    }
}
