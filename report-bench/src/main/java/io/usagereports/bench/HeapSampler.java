package io.usagereports.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Samples the used heap of another JVM with {@code jstat -gc} every 200 ms: survivor, eden and
 * old generation in use, so the peak includes garbage not yet collected (an upper bound of
 * what the process needed).
 */
final class HeapSampler implements AutoCloseable {

    private final Process jstat;
    private final Thread reader;
    private volatile double peakMb;

    HeapSampler(long pid) throws IOException {
        jstat = new ProcessBuilder("jstat", "-gc", Long.toString(pid), "200")
                .redirectErrorStream(true)
                .start();
        reader = new Thread(this::read, "heap-sampler");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(jstat.getInputStream(), StandardCharsets.UTF_8))) {
            List<String> header = null;
            for (String line; (line = in.readLine()) != null; ) {
                List<String> cells = Arrays.asList(line.trim().split("\\s+"));
                if (cells.contains("EU")) {
                    header = cells;
                } else if (header != null && cells.size() == header.size()) {
                    double usedKb = 0;
                    for (String column : List.of("S0U", "S1U", "EU", "OU")) {
                        usedKb += Double.parseDouble(cells.get(header.indexOf(column)));
                    }
                    peakMb = Math.max(peakMb, usedKb / 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            // The sampler ends with jstat; the peak so far stands.
        }
    }

    double peakMb() {
        return peakMb;
    }

    @Override
    public void close() {
        jstat.destroy();
    }
}
