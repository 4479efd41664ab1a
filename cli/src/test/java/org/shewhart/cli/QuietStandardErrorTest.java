package org.shewhart.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands that use POI (Excel input, the PPTX board pack) in a fresh JVM, as a user runs them, with standard
 * error read from the process itself rather than from the writer {@link Main#run} is given: whatever a library prints
 * there (POI logs through the Log4j API, which has no provider here, and the build quiets its status line in the test
 * JVM) would break the contract. A bad cell gives exactly the one-line message; a run that succeeds prints nothing.
 */
final class QuietStandardErrorTest {
    @TempDir
    Path tmp;

    /** Exit code and standard error of {@code shewhart} in a child JVM with no system properties of ours. */
    private record Child(int code, String err) {
    }

    private static Child child(String... args) throws IOException, InterruptedException {
        final List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        final Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        final String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Child(p.waitFor(), err);
    }

    @Test
    void aBadExcelCellIsOneLine() throws Exception {
        final Path file = tmp.resolve("falls.xlsx");
        try (Workbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            final Sheet s = wb.createSheet("Data");
            final Row h = s.createRow(0);
            h.createCell(0).setCellValue("week");
            h.createCell(1).setCellValue("falls");
            for (int i = 1; i <= 5; i++) {
                final Row row = s.createRow(i);
                row.createCell(0).setCellValue(LocalDate.of(2024, 4, 1).plusWeeks(i).toString());
                if (i == 3) {
                    row.createCell(1).setCellValue("n/a");
                } else {
                    row.createCell(1).setCellValue(i);
                }
            }
            wb.write(out);
        }
        final Child c = child("chart", file.toString(), "--chart", "xmr", "--x", "week", "--y", "falls", "-o",
                tmp.resolve("out.json").toString());
        assertEquals(2, c.code(), c.err());
        assertEquals(1, c.err().lines().count(), c.err());
        assertTrue(c.err().startsWith("shewhart: ") && c.err().contains("row 4, column B ('falls'): 'n/a'"), c.err());
    }

    @Test
    void aPowerPointBoardPackPrintsNothingOnStandardError() throws Exception {
        final Child c = child("demo", "-o", tmp.resolve("demo").toString());
        assertEquals(0, c.code(), c.err());
        assertTrue(Files.size(tmp.resolve("demo").resolve("board-pack.pptx")) > 0);
        assertEquals("", c.err());
    }
}
