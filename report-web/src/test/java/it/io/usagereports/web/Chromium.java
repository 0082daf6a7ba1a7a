package it.io.usagereports.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's headless {@code chromium} ({@code .ci/run} installs it), with every host unresolvable,
 * so that a page it renders must stand alone: no external styles, scripts or images.
 */
final class Chromium {

    private Chromium() {}

    /** Runs chromium with {@code args}, keeping its profile and output in {@code folder}; returns what it printed. */
    static String run(Path folder, String... args) throws Exception {
        Files.createDirectories(folder);
        List<String> command = new ArrayList<>(List.of(
                "chromium",
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                "--no-first-run",
                "--host-resolver-rules=MAP * ~NOTFOUND",
                "--user-data-dir=" + folder.resolve("chromium-profile").toAbsolutePath()));
        command.addAll(List.of(args));
        Path output = folder.resolve("chromium-output.txt");
        Path errors = folder.resolve("chromium-errors.txt");
        Process process = new ProcessBuilder(command)
                .redirectError(errors.toFile())
                .redirectOutput(output.toFile())
                .start();
        assertThat(process.waitFor(90, TimeUnit.SECONDS))
                .as("chromium finished")
                .isTrue();
        assertThat(process.exitValue()).as("chromium exit code; see " + errors).isZero();
        return Files.readString(output);
    }

    /** A screenshot of {@code page}, checked to be a real picture; returns its path. */
    static Path screenshot(Path folder, Path page, String name, int width, int height) throws Exception {
        Path png = folder.resolve(name).toAbsolutePath();
        run(
                folder,
                "--screenshot=" + png,
                "--window-size=" + width + "," + height,
                page.toUri().toString());
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes).startsWith(0x89, 'P', 'N', 'G');
        assertThat(bytes.length).isGreaterThan(10_000);
        return png;
    }
}
