package io.usagereports.service.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HandOffTest {

    private final ExecutorService executor = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        executor.shutdownNow();
        Thread.interrupted(); // a test that ends interrupted must not leave the flag to the next
    }

    @Test
    void everyItemIsConsumedInOrderBeforeFinishReturns() throws IOException {
        List<Integer> consumed = new CopyOnWriteArrayList<>();
        try (HandOff<Integer> handOff = new HandOff<>(executor, 2, consumed::add)) {
            for (int i = 0; i < 100; i++) {
                handOff.put(i);
            }
            handOff.finish();
        }
        assertThat(consumed).hasSize(100).isSorted();
    }

    @Test
    void theConsumersFailureReachesTheProducerAsThrown() throws IOException {
        HandOff<Integer> handOff = new HandOff<>(executor, 1, item -> {
            throw new IllegalStateException("lost the claim");
        });
        assertThatThrownBy(() -> {
                    for (int i = 0; i < 10; i++) {
                        handOff.put(i);
                    }
                    handOff.finish();
                })
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("lost the claim");
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        handOff.close();
    }

    /** An executor already shut down (the server stops as a report begins writing) refuses the consumer. */
    @Test
    void anExecutorThatRefusesTheConsumerMarksTheProducerInterrupted() {
        ExecutorService shutDown = Executors.newSingleThreadExecutor();
        shutDown.shutdown();

        assertThatThrownBy(() -> new HandOff<Integer>(shutDown, 1, item -> {}))
                .isInstanceOf(HandOff.Stopped.class)
                .hasCauseInstanceOf(java.util.concurrent.RejectedExecutionException.class);
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }

    /** A stopping server interrupts its executor's threads: the producer learns it is stopping, not failing. */
    @Test
    void aConsumerStoppedFromOutsideMarksTheProducerInterrupted() throws Exception {
        ExecutorService stopping = Executors.newSingleThreadExecutor();
        CountDownLatch consuming = new CountDownLatch(1);
        HandOff<Integer> handOff = new HandOff<>(stopping, 1, item -> consuming.countDown());
        handOff.put(1);
        assertThat(consuming.await(5, TimeUnit.SECONDS)).isTrue();
        stopping.shutdownNow();
        assertThat(stopping.awaitTermination(5, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(handOff::finish).isInstanceOf(HandOff.Stopped.class);
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
        handOff.close();
    }
}
