package roost.api.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The {@code .cypher} files of the project's {@code cypher/} folder, packaged on the classpath
 * under {@code cypher/}: one source for the queries that developers read and the code runs.
 */
public final class CypherScripts {
    private CypherScripts() {}

    /** The statement in {@code cypher/<name>.cypher}, without comment lines or a trailing semicolon. */
    public static String load(String name) {
        String path = "/cypher/" + name + ".cypher";
        try (InputStream in = CypherScripts.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String statement = Arrays.stream(text.split("\n"))
                    .filter(line -> !line.strip().startsWith("//"))
                    .collect(Collectors.joining("\n"))
                    .strip();
            return statement.endsWith(";") ? statement.substring(0, statement.length() - 1) : statement;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
