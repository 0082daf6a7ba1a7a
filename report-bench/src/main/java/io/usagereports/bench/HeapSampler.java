package io.usagereports.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Samples the used heap of another JVM with {@code jstat -gc} every 200 ms: survivor, eden and
 * old generation in use, so the peak includes garbage not yet collected (an upper bound of
 * what the process needed). Start it before what it measures and {@link #awaitFirstSample wait}
 * for it: {@code jstat} is a JVM of its own, and its start-up (about half a second of CPU on
 * this 2-core machine) would otherwise compete with the first seconds of a timed report.
 */
final class HeapSampler implements AutoCloseable {

    private final Process jstat;
    private final Thread reader;
    private final CountDownLatch firstSample = new CountDownLatch(1);
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
                    firstSample.countDown();
                }
            }
        } catch (IOException | RuntimeException e) {
            // The sampler ends with jstat; the peak so far stands.
        }
    }

    /** Waits until {@code jstat} is up and has sampled once (at most 30 s); returns this sampler. */
    HeapSampler awaitFirstSample() throws InterruptedException {
        if (!firstSample.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("jstat sampled nothing within 30 s");
        }
        return this;
    }

    /** Forgets the peak so far: the next one is of what follows. */
    void resetPeak() {
        peakMb = 0;
    }

    double peakMb() {
        return peakMb;
    }

    @Override
    public void close() {
        jstat.destroy();
    }
}
