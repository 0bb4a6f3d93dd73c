package roost.importer.load;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import roost.importer.Progress;

/**
 * Reads what Neo4j's importer prints, line by line: each stage ({@code (1/4) Node import ...}) becomes
 * a {@link Progress} task counted in percent, everything goes to the log, and the last lines are
 * kept for the error message if the import fails.
 */
final class ImporterOutput extends OutputStream {
    private static final Pattern STAGE = Pattern.compile("^\\((\\d+)/(\\d+)\\)\\s+(.*?)(\\s+\\d{4}-\\d{2}-\\d{2}.*)?$");
    /** A stage in verbose mode: {@code Relationships, started 2026-...}. */
    private static final Pattern VERBOSE_STAGE = Pattern.compile("^(\\S.*), started \\d{4}-\\d{2}-\\d{2}.*$");

    private static final Pattern PERCENT = Pattern.compile("(\\d{1,3})%");
    private static final int KEEP_LINES = 40;

    private final Logger log;
    private final Progress progress;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private final Deque<String> last = new ArrayDeque<>();
    private Progress.Task task;

    ImporterOutput(Logger log, Progress progress) {
        this.log = log;
        this.progress = progress;
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            emit();
        } else if (b != '\r') {
            line.write(b);
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            write(b[i]);
        }
    }

    private void emit() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (text.isBlank()) {
            return;
        }
        if (last.size() == KEEP_LINES) {
            last.removeFirst();
        }
        last.addLast(text);
        Matcher stage = STAGE.matcher(text);
        if (stage.matches()) {
            closeTask();
            task = progress.start(
                    "neo4j import " + stage.group(1) + "/" + stage.group(2) + " " + stage.group(3) + " (%)", 100);
            log.info("Neo4j import: {}", text);
            return;
        }
        Matcher verboseStage = VERBOSE_STAGE.matcher(text);
        if (verboseStage.matches()) {
            closeTask();
            task = progress.start("neo4j import " + verboseStage.group(1), -1);
            log.info("Neo4j import: {}", text);
            return;
        }
        if (text.startsWith("Done in ")) {
            closeTask();
        }
        if (task != null && (text.charAt(0) == '.' || text.charAt(0) == '-')) {
            Matcher percent = PERCENT.matcher(text);
            if (percent.find()) {
                task.stepTo(Long.parseLong(percent.group(1)));
            }
            log.debug("Neo4j import: {}", text);
            return;
        }
        log.info("Neo4j import: {}", text);
    }

    synchronized void closeTask() {
        if (task != null) {
            task.close();
            task = null;
        }
    }

    /** The last lines printed, for an error message. */
    synchronized String tail() {
        if (line.size() > 0) {
            emit();
        }
        return String.join("\n", last);
    }

    @Override
    public void close() {
        closeTask();
    }
}
