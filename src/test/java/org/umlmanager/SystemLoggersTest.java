package org.umlmanager;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SystemLoggersTest {

    @Test
    void theJdkFindsOurLoggerFinder() {
        assertThat(System.LoggerFinder.getLoggerFinder()).isInstanceOf(SystemLoggers.class);
    }

    @Test
    void javafxsClassPathWarningIsDroppedAndOtherWarningsReachTheLog() {
        System.Logger javafx = System.getLogger("javafx");
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            javafx.log(System.Logger.Level.WARNING, "Unsupported JavaFX configuration: classes were loaded from"
                    + " 'unnamed module @1234'");
            javafx.log(System.Logger.Level.WARNING, "Could not load {0} (test)", "theme.css");
        } finally {
            System.setErr(err);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("Unsupported JavaFX configuration");
        assertThat(text).contains("WARN").contains("javafx").contains("Could not load theme.css (test)");
    }
}
