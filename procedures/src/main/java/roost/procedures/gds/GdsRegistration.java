package roost.procedures.gds;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.neo4j.internal.kernel.api.exceptions.ProcedureException;
import org.neo4j.kernel.api.procedure.GlobalProcedures;

/**
 * Registers the Graph Data Science procedures with an embedded DBMS. A Neo4j server loads them
 * from its {@code plugins/} directory; an embedded DBMS does not scan its classpath, so this does
 * what the server's loader does, for the GDS jars on the classpath.
 *
 * <p>Lives in the procedures module (which has no compile-time GDS dependency: it reads class
 * files) so that the application and the procedures' own tests share it.
 *
 * <p>To stay fast it reads each class file's bytes and loads only the classes whose constant pool
 * names one of the procedure annotations (a few hundred of many thousand classes).
 */
public final class GdsRegistration {
    private static final String GDS_PACKAGE = "org/neo4j/gds/";
    private static final byte[] PROCEDURE = descriptor("org/neo4j/procedure/Procedure");
    private static final byte[] FUNCTION = descriptor("org/neo4j/procedure/UserFunction");
    private static final byte[] AGGREGATION = descriptor("org/neo4j/procedure/UserAggregationFunction");

    public record Result(int procedureClasses, int functionClasses, int aggregationClasses) {}

    private GdsRegistration() {}

    /** Registers every GDS procedure and function class found on the classpath (none when GDS is absent). */
    public static Result register(GlobalProcedures procedures) {
        int p = 0;
        int f = 0;
        int a = 0;
        ClassLoader loader = GdsRegistration.class.getClassLoader();
        for (String entry : classpathJars()) {
            try (JarFile jar = new JarFile(entry)) {
                Enumeration<JarEntry> entries = jar.entries();
                while (entries.hasMoreElements()) {
                    JarEntry e = entries.nextElement();
                    String name = e.getName();
                    if (!name.startsWith(GDS_PACKAGE) || !name.endsWith(".class")) {
                        continue;
                    }
                    byte[] bytes;
                    try (InputStream in = jar.getInputStream(e)) {
                        bytes = in.readAllBytes();
                    }
                    boolean isProc = contains(bytes, PROCEDURE);
                    boolean isFunc = contains(bytes, FUNCTION);
                    boolean isAgg = contains(bytes, AGGREGATION);
                    if (!isProc && !isFunc && !isAgg) {
                        continue;
                    }
                    Class<?> cls = Class.forName(
                            name.substring(0, name.length() - ".class".length()).replace('/', '.'), false, loader);
                    if (isProc) {
                        procedures.registerProcedure(cls);
                        p++;
                    }
                    if (isFunc) {
                        procedures.registerFunction(cls);
                        f++;
                    }
                    if (isAgg) {
                        procedures.registerAggregationFunction(cls);
                        a++;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("reading " + entry, e);
            } catch (ClassNotFoundException | ProcedureException e) {
                throw new IllegalStateException(
                        "registering GDS procedures from " + entry + " failed: " + e.getMessage(), e);
            }
        }
        return new Result(p, f, a);
    }

    private static List<String> classpathJars() {
        List<String> jars = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.endsWith(".jar") && new File(entry).isFile()) {
                jars.add(entry);
            }
        }
        return jars;
    }

    private static byte[] descriptor(String internalName) {
        return ("L" + internalName + ";").getBytes(StandardCharsets.UTF_8);
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
