package io.usagereports.service.runs;

import io.usagereports.model.reports.ReportLevel;
import io.usagereports.service.generation.FormatWriter;
import io.usagereports.service.generation.FormatWriters;
import io.usagereports.service.generation.ReportQueries;
import io.usagereports.service.generation.ReportSpec;
import io.usagereports.service.generation.RowAggregator;
import io.usagereports.service.generation.RowPlan;
import io.usagereports.service.generation.RowPlan.TreeTenant;
import io.usagereports.service.runs.RunLedger.Claim;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Generates the outputs of one claimed attempt: plans the rows from the tenant tree, runs the
 * report's one aggregate query and streams its rows into the writer of every requested format
 * at once, each gzip-compressed into chunks of its stored report. Reading the query and writing
 * the formats run on two threads ({@link RowPipe}). Memory stays bounded by one
 * row of the report and one chunk per format, whatever the report's size.
 *
 * <p>Chunks are committed as they are written, under the attempt's number: they become the
 * stored report's content only when {@link RunLedger#complete} commits, so a crash leaves no
 * half-written output visible and a redo starts clean.
 */
@ApplicationScoped
public class RunGenerator {

    /** The attempt lost its run (another worker holds it, or the report was deleted). */
    static final class LostClaimException extends RuntimeException {
        LostClaimException(UUID runId) {
            super("Run " + runId + " is no longer held by this attempt", null, false, false);
        }
    }

    @Inject
    RunLedger ledger;

    /** Runs the second thread of each generation: formatting, compressing and storing. */
    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "reports.worker.lease-seconds", defaultValue = "120")
    long leaseSeconds;

    /** Generates every output of the job; returns the compressed size of each stored report. */
    Map<UUID, Long> generate(Claim claim, RunJob job) throws SQLException, IOException {
        try (Connection read = ledger.connection(); Connection write = ledger.connection()) {
            write.setAutoCommit(true);
            read.setAutoCommit(false);
            try {
                return generate(claim, job, read, write);
            } finally {
                read.rollback();
                ReportQueries.deleteMembers(write, claim.runId());
            }
        }
    }

    private Map<UUID, Long> generate(Claim claim, RunJob job, Connection read, Connection write)
            throws SQLException, IOException {
        LocalDate[] dates = job.dates();
        OffsetDateTime end = LocalDate.ofEpochDay(RowAggregator.endEpochDayExclusive(dates)).atStartOfDay()
                .atOffset(ZoneOffset.UTC);
        UUID subjectId = job.report().parameters().tenantId();
        List<TreeTenant> tree = ReportQueries.tree(read, job.subjectPath(), end);
        String subjectName = tree.stream().filter(t -> t.id().equals(subjectId)).findFirst().orElseThrow().name();
        ReportSpec spec = job.spec(subjectName);
        ReportLevel level = spec.level();
        RowPlan plan = RowPlan.of(subjectId, level, tree,
                level == ReportLevel.ACCOUNTS ? ReportQueries.usersWithReadings(read, job.subjectPath(), end) : Map.of());
        ReportQueries.deleteMembers(write, claim.runId());
        ReportQueries.insertMembers(write, claim.runId(), claim.attempt(), plan.members());

        List<StoredOutput> outputs = new ArrayList<>();
        List<FormatWriter> writers = new ArrayList<>();
        for (StoredRecord stored : job.outputs()) {
            StoredOutput output = new StoredOutput(new ChunkedOutputStream((seq, data, length) -> {
                try {
                    RunStore.insertChunk(write, stored.id(), claim.attempt(), seq, data, length);
                } catch (SQLException e) {
                    throw new IOException("Writing a chunk of stored report " + stored.id() + " failed", e);
                }
            }, ChunkedOutputStream.CHUNK_SIZE));
            outputs.add(output);
            FormatWriter writer = FormatWriters.open(stored.format(), spec, output);
            writer.begin();
            writers.add(writer);
        }
        LeaseKeeper lease = new LeaseKeeper(claim);
        try (RowPipe pipe = new RowPipe(executor, writers)) {
            RowAggregator aggregator = new RowAggregator(plan.rows(), dates, spec.hideZeroUsage(), (row, usages) -> {
                lease.keep();
                pipe.row(row, usages);
            });
            ReportQueries.stream(read, claim.runId(), claim.attempt(), dates, aggregator);
            pipe.finish();
        }
        Map<UUID, Long> sizes = new LinkedHashMap<>();
        for (int i = 0; i < writers.size(); i++) {
            writers.get(i).end();
            sizes.put(job.outputs().get(i).id(), outputs.get(i).complete());
        }
        lease.keep();
        return sizes;
    }

    /** Renews the attempt's lease every third of its length, and stops the attempt once it lost the run. */
    private final class LeaseKeeper {
        private final Claim claim;
        private final Duration every = Duration.ofSeconds(Math.max(1, leaseSeconds / 3));
        private Instant next;

        LeaseKeeper(Claim claim) {
            this.claim = claim;
            this.next = clock.instant().plus(every);
        }

        void keep() {
            Instant now = clock.instant();
            if (now.isBefore(next)) {
                return;
            }
            if (!ledger.extendLease(claim, now.plusSeconds(leaseSeconds))) {
                throw new LostClaimException(claim.runId());
            }
            next = now.plus(every);
        }
    }
}
