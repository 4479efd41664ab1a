package org.shewhart.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code shewhart} launcher's JVM options: the throughput collector and a capped young generation unless the
 * user's {@code SHEWHART_JAVA_OPTS} names a collector or a young-generation size, and the user's options after the
 * launcher's. The script runs for real, from a copy in a folder with an empty build (a parent POM with no modules and
 * a jar newer than it, so nothing is built) and a stand-in {@code java} first on the PATH that prints its arguments.
 */
final class LauncherTest {
    @TempDir
    Path root;

    private Path bin;

    @BeforeEach
    void setUp() throws IOException {
        final Path script = root.resolve("shewhart");
        Files.copy(Path.of("..", "shewhart"), script);
        executable(script);
        Files.writeString(root.resolve("pom.xml"), "<project><modules></modules></project>\n");
        final Path jar = Files.createDirectories(root.resolve("cli/target")).resolve("shewhart.jar");
        Files.writeString(jar, "");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        bin = Files.createDirectories(root.resolve("bin"));
        final Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\n");
        executable(java);
    }

    private static void executable(Path p) throws IOException {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** The arguments the launcher gives {@code java}, one per element. */
    private List<String> javaArgs(String userOptions) throws IOException, InterruptedException {
        final ProcessBuilder pb = new ProcessBuilder("bash", root.resolve("shewhart").toString(), "scan", "x.csv");
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("SHEWHART_SIMD", "false");
        if (userOptions == null) {
            pb.environment().remove("SHEWHART_JAVA_OPTS");
        } else {
            pb.environment().put("SHEWHART_JAVA_OPTS", userOptions);
        }
        final Process p = pb.redirectError(ProcessBuilder.Redirect.INHERIT).start();
        final String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        final List<String> args = Arrays.asList(out.split("\n"));
        assertEquals(List.of("-jar", root.resolve("cli/target/shewhart.jar").toString(), "scan", "x.csv"),
                args.subList(args.size() - 4, args.size()), out);
        return args.subList(0, args.size() - 4);
    }

    @Test
    void throughputCollectorAndACappedYoungGenerationByDefault() throws Exception {
        final List<String> args = javaArgs(null);
        assertTrue(args.contains("-XX:+UseParallelGC"), args.toString());
        assertTrue(args.contains("-XX:MaxNewSize=128m"), args.toString());
        assertTrue(args.contains("-Djava.awt.headless=true"), args.toString());
    }

    @Test
    void aCollectorTheUserNamesReplacesBoth() throws Exception {
        final List<String> args = javaArgs("-XX:+UseG1GC -Xmx2g");
        assertFalse(args.contains("-XX:+UseParallelGC"), args.toString());
        assertFalse(args.contains("-XX:MaxNewSize=128m"), args.toString());
        assertEquals(List.of("-XX:+UseG1GC", "-Xmx2g"), args.subList(args.size() - 2, args.size()));
    }

    @Test
    void aYoungGenerationTheUserSizesIsLeftAlone() throws Exception {
        for (String young : List.of("-Xmn300m", "-XX:NewSize=64m", "-XX:MaxNewSize=1g", "-XX:NewRatio=1")) {
            final List<String> args = javaArgs("-Xmx4g " + young);
            assertTrue(args.contains("-XX:+UseParallelGC"), young + ": " + args);
            assertFalse(args.contains("-XX:MaxNewSize=128m"), young + ": " + args);
            assertEquals(young, args.get(args.size() - 1));
        }
    }

    @Test
    void otherUserOptionsKeepTheLaunchersAndComeAfterThem() throws Exception {
        final List<String> args = javaArgs("-Xmx256m -XX:+PrintCommandLineFlags");
        final int young = args.indexOf("-XX:MaxNewSize=128m");
        assertTrue(young >= 0 && args.contains("-XX:+UseParallelGC"), args.toString());
        assertTrue(young < args.indexOf("-Xmx256m"), args.toString());
    }
}
