package io.usagereports.service.runs;

import io.usagereports.service.generation.LeaseCheck;
import io.usagereports.service.generation.ReportGenerator;
import io.usagereports.service.generation.ReportGenerator.PreparedReport;
import io.usagereports.service.generation.ReportOutput;
import io.usagereports.service.generation.WorkFence;
import io.usagereports.service.runs.RunClaims.Claim;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runs' side of generating an attempt: hands the report to {@link ReportGenerator} with an output
 * per stored report, each gzip-compressed into chunks of that stored report, and a fence that lets
 * only the attempt holding the run write anything.
 *
 * <p>Chunks are committed as they are written (on a thread of their own: {@link ChunkStoring}),
 * under the attempt's number: they become the stored report's content only when
 * {@link RunClaims#complete} commits, so a crash leaves no half-written
 * output visible and a redo starts clean. Every chunk is written in a transaction that commits
 * only if the attempt still holds the run ({@link AttemptFence}).
 */
@ApplicationScoped
public class RunGenerator {

    @Inject
    RunClaims ledger;

    @Inject
    ReportGenerator generator;

    /** Runs the thread that stores each attempt's chunks while its report is still being written. */
    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    /** Generates every output of the job; returns the sizes of each stored report. */
    Map<UUID, OutputSize> generate(Claim claim, RunJob job, LeaseCheck lease) throws SQLException, IOException {
        try (PreparedAttempt attempt = prepare(claim, job)) {
            return attempt.write(lease);
        }
    }

    /** The first step of an attempt: its rows planned and staged (if the attempt still holds the run). */
    public PreparedAttempt prepare(Claim claim, RunJob job) throws SQLException {
        WorkFence fence = ledger.fence(claim);
        return new PreparedAttempt(claim, fence, job, generator.prepare(job.generation(claim.attempt()), fence));
    }

    /** An attempt whose report is prepared, ready to be written into its stored reports. */
    public final class PreparedAttempt implements AutoCloseable {
        private final Claim claim;
        private final WorkFence fence;
        private final RunJob job;
        private final PreparedReport report;

        private PreparedAttempt(Claim claim, WorkFence fence, RunJob job, PreparedReport report) {
            this.claim = claim;
            this.fence = fence;
            this.job = job;
            this.report = report;
        }

        /** Writes the report into every stored report of the run; returns their sizes. */
        public Map<UUID, OutputSize> write(LeaseCheck lease) throws SQLException, IOException {
            try (Connection chunks = ledger.connection();
                    ChunkStoring storing = new ChunkStoring(executor, (storedId, seq, data, length) -> {
                        try {
                            fence.commit(
                                    chunks,
                                    () -> RunRepository.insertChunk(
                                            chunks, storedId, claim.attempt(), seq, data, length));
                        } catch (SQLException e) {
                            throw new IOException("Writing a chunk of stored report " + storedId + " failed", e);
                        }
                    })) {
                chunks.setAutoCommit(false);
                List<GzipChunkWriter> writers = new ArrayList<>();
                List<ReportOutput> outputs = new ArrayList<>();
                for (StoredReportRow stored : job.outputs()) {
                    GzipChunkWriter writer = new GzipChunkWriter(
                            new ChunkedOutputStream(storing.of(stored.id()), ChunkedOutputStream.CHUNK_SIZE));
                    writers.add(writer);
                    outputs.add(new ReportOutput(stored.format(), writer));
                }
                report.write(outputs, lease);
                Map<UUID, OutputSize> sizes = new LinkedHashMap<>();
                for (int i = 0; i < writers.size(); i++) {
                    sizes.put(job.outputs().get(i).id(), writers.get(i).complete());
                }
                storing.finish();
                lease.check();
                return sizes;
            }
        }

        /** Ends the attempt's reading and deletes its own work-table rows. */
        @Override
        public void close() throws SQLException {
            report.close();
        }
    }
}
