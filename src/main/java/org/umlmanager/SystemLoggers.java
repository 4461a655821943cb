package org.umlmanager;

import java.text.MessageFormat;
import java.util.ResourceBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what the JDK and JavaFX log through {@link System.Logger} to SLF4J, like the app's own
 * log lines, instead of java.util.logging (setting that up cost about 15 ms of every start of the
 * window, docs/DESIGN.md, D20). One message is dropped: JavaFX warns on every start that it runs
 * from the class path, which is our choice (jeditermfx cannot be on the module path). Found by
 * the JDK as the {@code java.lang.System$LoggerFinder} service of our jar.
 */
public final class SystemLoggers extends System.LoggerFinder {

    static final String CLASS_PATH_WARNING = "Unsupported JavaFX configuration";

    @Override
    public System.Logger getLogger(String name, Module module) {
        return new Slf4jLogger(name, LoggerFactory.getLogger(name));
    }

    private record Slf4jLogger(String name, Logger log) implements System.Logger {

        @Override
        public String getName() {
            return name;
        }

        @Override
        public boolean isLoggable(Level level) {
            return switch (level) {
                case ALL, TRACE -> log.isTraceEnabled();
                case DEBUG -> log.isDebugEnabled();
                case INFO -> log.isInfoEnabled();
                case WARNING -> log.isWarnEnabled();
                case ERROR -> log.isErrorEnabled();
                case OFF -> false;
            };
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
            if (isLoggable(level) && !dropped(msg)) {
                emit(level, localized(bundle, msg), thrown);
            }
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            if (isLoggable(level) && !dropped(format)) {
                String pattern = localized(bundle, format);
                emit(level, params == null || params.length == 0 ? pattern : MessageFormat.format(pattern, params), null);
            }
        }

        private static boolean dropped(String msg) {
            return msg != null && msg.startsWith(CLASS_PATH_WARNING);
        }

        private static String localized(ResourceBundle bundle, String key) {
            return bundle != null && key != null && bundle.containsKey(key) ? bundle.getString(key) : key;
        }

        private void emit(Level level, String msg, Throwable thrown) {
            switch (level) {
                case ALL, TRACE -> log.trace(msg, thrown);
                case DEBUG -> log.debug(msg, thrown);
                case INFO -> log.info(msg, thrown);
                case WARNING -> log.warn(msg, thrown);
                case ERROR -> log.error(msg, thrown);
                case OFF -> { }
            }
        }
    }
}
