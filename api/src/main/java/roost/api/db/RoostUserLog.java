package roost.api.db;

import java.util.Locale;
import org.neo4j.logging.Log;
import org.neo4j.logging.LogProvider;
import org.neo4j.logging.NullLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded database's user log: what Roost's own classes log there (the live graph's load and
 * its progress, the Earlybird index's start) goes through SLF4J to the console, beside the
 * application's lines; the rest of Neo4j's user log is dropped here and stays in its
 * {@code debug.log}.
 */
final class RoostUserLog implements LogProvider {
    @Override
    public Log getLog(Class<?> loggingClass) {
        return getLog(loggingClass.getName());
    }

    @Override
    public Log getLog(String name) {
        return name.startsWith("roost.") ? new Slf4jLog(LoggerFactory.getLogger(name)) : NullLog.getInstance();
    }

    /** {@code format} filled in; a pattern that does not fit its arguments is logged as given, not thrown. */
    static String format(String format, Object... arguments) {
        try {
            return String.format(Locale.ROOT, format, arguments);
        } catch (java.util.IllegalFormatException e) {
            return format + " " + java.util.Arrays.deepToString(arguments);
        }
    }

    /** Neo4j's {@link Log} on an SLF4J logger; formats are {@link String#format} patterns. */
    private record Slf4jLog(Logger logger) implements Log {
        @Override
        public boolean isDebugEnabled() {
            return logger.isDebugEnabled();
        }

        @Override
        public void debug(String message) {
            logger.debug(message);
        }

        @Override
        public void debug(String message, Throwable throwable) {
            logger.debug(message, throwable);
        }

        @Override
        public void debug(String format, Object... arguments) {
            if (logger.isDebugEnabled()) {
                logger.debug(format(format, arguments));
            }
        }

        @Override
        public void info(String message) {
            logger.info(message);
        }

        @Override
        public void info(String message, Throwable throwable) {
            logger.info(message, throwable);
        }

        @Override
        public void info(String format, Object... arguments) {
            if (logger.isInfoEnabled()) {
                logger.info(format(format, arguments));
            }
        }

        @Override
        public void warn(String message) {
            logger.warn(message);
        }

        @Override
        public void warn(String message, Throwable throwable) {
            logger.warn(message, throwable);
        }

        @Override
        public void warn(String format, Object... arguments) {
            logger.warn(format(format, arguments));
        }

        @Override
        public void error(String message) {
            logger.error(message);
        }

        @Override
        public void error(String message, Throwable throwable) {
            logger.error(message, throwable);
        }

        @Override
        public void error(String format, Object... arguments) {
            logger.error(format(format, arguments));
        }
    }
}
