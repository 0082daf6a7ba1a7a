package io.usagereports.service.runs;

import io.usagereports.model.reports.ReportLevel;
import io.usagereports.service.generation.FormatWriter;
import io.usagereports.service.generation.FormatWriters;
import io.usagereports.service.generation.GenerationQueries;
import io.usagereports.service.generation.ReportSpec;
import io.usagereports.service.generation.RowAggregator;
import io.usagereports.service.generation.RowPlan;
import io.usagereports.service.generation.RowPlan.TreeTenant;
import io.usagereports.service.reports.ReportRules;
import io.usagereports.service.runs.RunClaims.Claim;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Generates the outputs of one claimed attempt: plans the rows from the tenant tree, runs the
 * report's one aggregate query and streams its rows into the writer of every requested format
 * at once, each gzip-compressed into chunks of its stored report. Reading the query and writing
 * the formats run on two threads ({@link RowPipe}). Memory stays bounded by one
 * row of the report and one chunk per format, whatever the report's size.
 *
 * <p>Chunks are committed as they are written, under the attempt's number: they become the
 * stored report's content only when {@link RunClaims#complete} commits, so a crash leaves no
 * half-written output visible and a redo starts clean.
 *
 * <p>Fencing: every row an attempt writes (work-table rows, chunks) is written in a transaction
 * that first proves, under a lock on the run's row, that the attempt still holds the run; every
 * row it deletes is its own. A worker that lost its claim (paused past its lease while another
 * server took over) therefore cannot add to, or take from, the attempt that replaced it.
 */
@ApplicationScoped
public class RunGenerator {

    @Inject
    RunClaims ledger;

    /** Runs the second thread of each generation: formatting, compressing and storing. */
    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    /** Generates every output of the job; returns the sizes of each stored report. */
    Map<UUID, OutputSize> generate(Claim claim, RunJob job, LeaseCheck lease) throws SQLException, IOException {
        try (PreparedAttempt attempt = prepare(claim, job)) {
            return attempt.write(lease);
        }
    }

    /**
     * The first step of an attempt: plans its rows and writes them to the work table (if the
     * attempt still holds the run). The caller writes, then closes the attempt.
     */
    public PreparedAttempt prepare(Claim claim, RunJob job) throws SQLException {
        PreparedAttempt attempt = new PreparedAttempt(claim, job, ledger.connection(), ledger.connection());
        try {
            attempt.plan();
            return attempt;
        } catch (SQLException | RuntimeException e) {
            attempt.close();
            throw e;
        }
    }

    /** An attempt whose rows are planned and in the work table, ready to be written. */
    public final class PreparedAttempt implements AutoCloseable {
        private final Claim claim;
        private final RunJob job;
        private final Connection read;
        private final Connection write;
        private ReportSpec spec;
        private RowPlan plan;
        private boolean membersWritten;

        private PreparedAttempt(Claim claim, RunJob job, Connection read, Connection write) throws SQLException {
            this.claim = claim;
            this.job = job;
            this.read = read;
            this.write = write;
            read.setAutoCommit(false);
            write.setAutoCommit(false);
        }

        private void plan() throws SQLException {
            LocalDate[] dates = job.dates();
            ZoneId zone = ReportRules.effectiveZone(job.report());
            OffsetDateTime end = LocalDate.ofEpochDay(RowAggregator.endEpochDayExclusive(dates)).atStartOfDay(zone)
                    .toOffsetDateTime();
            UUID subjectId = job.report().parameters().tenantId();
            List<TreeTenant> tree = GenerationQueries.tree(read, job.subjectPath(), end);
            String subjectName = tree.stream().filter(t -> t.id().equals(subjectId)).findFirst().orElseThrow().name();
            spec = job.spec(subjectName);
            ReportLevel level = spec.level();
            plan = RowPlan.of(subjectId, level, tree, level == ReportLevel.ACCOUNTS
                    ? GenerationQueries.usersWithReadings(read, job.subjectPath(), end) : Map.of());
            fenced(() -> GenerationQueries.insertMembers(write, claim.runId(), claim.attempt(), plan.members()));
            membersWritten = true;
            GenerationQueries.analyzeMembers(write);
            write.commit();
        }

        /** Streams the report into every format; returns the sizes of each stored report. */
        public Map<UUID, OutputSize> write(LeaseCheck lease) throws SQLException, IOException {
            List<GzipChunkWriter> outputs = new ArrayList<>();
            List<FormatWriter> writers = new ArrayList<>();
            for (StoredReportRow stored : job.outputs()) {
                GzipChunkWriter output = new GzipChunkWriter(new ChunkedOutputStream((seq, data, length) -> {
                    try {
                        fenced(() -> RunRepository.insertChunk(write, stored.id(), claim.attempt(), seq, data, length));
                    } catch (SQLException e) {
                        throw new IOException("Writing a chunk of stored report " + stored.id() + " failed", e);
                    }
                }, ChunkedOutputStream.CHUNK_SIZE));
                outputs.add(output);
                FormatWriter writer = FormatWriters.open(stored.format(), spec, output);
                writer.begin();
                writers.add(writer);
            }
            try (RowPipe pipe = new RowPipe(executor, writers)) {
                RowAggregator aggregator = new RowAggregator(plan.rows(), job.dates(), spec.hideZeroUsage(),
                        (row, usages) -> {
                            lease.check();
                            pipe.row(row, usages);
                        });
                GenerationQueries.stream(read, claim.runId(), claim.attempt(), job.dates(), spec.zone(), aggregator);
                pipe.finish();
            }
            Map<UUID, OutputSize> sizes = new LinkedHashMap<>();
            for (int i = 0; i < writers.size(); i++) {
                writers.get(i).end();
                sizes.put(job.outputs().get(i).id(), outputs.get(i).complete());
            }
            lease.check();
            return sizes;
        }

        /** Runs {@code work} in a transaction of the write connection, if the attempt still holds the run. */
        private void fenced(SqlWork work) throws SQLException {
            try {
                if (!RunRepository.holdsRun(write, claim.runId(), claim.attempt())) {
                    throw new LostClaimException(claim.runId());
                }
                work.run();
                write.commit();
            } catch (SQLException | RuntimeException e) {
                write.rollback();
                throw e;
            }
        }

        /** Ends the attempt's reading and deletes its own work-table rows. */
        @Override
        public void close() throws SQLException {
            try (read; write) {
                read.rollback();
                if (membersWritten) {
                    write.rollback();
                    GenerationQueries.deleteMembers(write, claim.runId(), claim.attempt());
                    write.commit();
                }
            }
        }
    }

    @FunctionalInterface
    private interface SqlWork {
        void run() throws SQLException;
    }
}
