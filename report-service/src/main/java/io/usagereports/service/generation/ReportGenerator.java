package io.usagereports.service.generation;

import io.usagereports.model.reports.ReportLevel;
import io.usagereports.service.directory.TenantTree;
import io.usagereports.service.directory.TreeTenant;
import io.usagereports.service.directory.TreeUser;
import io.usagereports.service.generation.format.FormatWriter;
import io.usagereports.service.generation.format.FormatWriters;
import io.usagereports.service.generation.format.ReportSpec;
import io.usagereports.service.persistence.Databases;
import io.usagereports.service.usage.UserReadings;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Generates a report: the one entry point of {@code generation}. Plans the report's rows from the
 * subject's subtree (as {@link TenantTree} reads it), stages them in the work table, runs the
 * report's one aggregate query and streams its rows into the writer of every requested format at
 * once. Reading the query, aggregating its readings into rows and writing the formats run on
 * three threads ({@link ReadingHandOff}, {@link RowPipe}); memory stays bounded by a few thousand
 * readings and a few rows of the report, whatever its size.
 *
 * <p>Owns its connections: one reads (a cursor, not in auto-commit mode), one writes the work
 * table (on H2 a third one reads too: {@link H2ReportReadings}). Every write of the work table is
 * committed through the caller's {@link WorkFence}, and every statement names the job's attempt,
 * so a worker that lost its claim can neither add rows to the attempt that replaced it nor take
 * any from it. The rows of earlier attempts go in a transaction of their own, before the staging's
 * long {@code COPY}: a worker frozen mid-copy then holds no lock another attempt waits for.
 */
@ApplicationScoped
public class ReportGenerator {

    @Resource(lookup = "jdbc/reportsNonTx")
    DataSource dataSource;

    /**
     * Runs the second and third threads of each generation: aggregating the readings, and
     * formatting (with whatever the output streams do).
     */
    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    @Inject
    TenantTree tenants;

    @Inject
    UserReadings userReadings;

    /**
     * The first step of a generation: plans its rows and stages them in the work table (if the
     * fence holds); also drops what earlier attempts of the same work left there. The caller
     * writes, then closes the prepared report.
     */
    public PreparedReport prepare(GenerationJob job, WorkFence fence) throws SQLException {
        PreparedReport report = new PreparedReport(job, fence, dataSource.getConnection(), dataSource.getConnection());
        try {
            report.plan();
            return report;
        } catch (SQLException | RuntimeException e) {
            report.close();
            throw e;
        }
    }

    /** A generation whose rows are planned and staged, ready to be written. */
    public final class PreparedReport implements AutoCloseable {
        private final GenerationJob job;
        private final WorkFence fence;
        private final Connection read;
        private final Connection write;
        private ReportSpec spec;
        private RowPlan plan;
        private boolean staged;

        private PreparedReport(GenerationJob job, WorkFence fence, Connection read, Connection write)
                throws SQLException {
            this.job = job;
            this.fence = fence;
            this.read = read;
            this.write = write;
            read.setAutoCommit(false);
            write.setAutoCommit(false);
        }

        private void plan() throws SQLException {
            String path = tenants.path(job.subjectId())
                    .orElseThrow(() -> new IllegalStateException("Tenant " + job.subjectId() + " does not exist"));
            LocalDate[] dates = new ReportSpec(
                            job.subjectId(),
                            "",
                            job.kind(),
                            job.level(),
                            job.periodStart(),
                            job.periodEnd(),
                            false,
                            false,
                            job.generatedAt(),
                            job.zone())
                    .dates();
            OffsetDateTime end = LocalDate.ofEpochDay(RowAggregator.endEpochDayExclusive(dates))
                    .atStartOfDay(job.zone())
                    .toOffsetDateTime();
            List<TreeTenant> tree = tenants.subtree(path, end);
            String subjectName = tree.stream()
                    .filter(t -> t.id().equals(job.subjectId()))
                    .findFirst()
                    .orElseThrow()
                    .name();
            spec = new ReportSpec(
                    job.subjectId(),
                    subjectName,
                    job.kind(),
                    job.level(),
                    job.periodStart(),
                    job.periodEnd(),
                    job.hideZeroUsage(),
                    job.showSkus(),
                    job.generatedAt(),
                    job.zone());
            Map<UUID, List<TreeUser>> users = new LinkedHashMap<>();
            if (job.level() == ReportLevel.ACCOUNTS) {
                for (TreeUser user : userReadings.withReadingsBefore(tenants.users(path), end)) {
                    users.computeIfAbsent(user.tenantId(), k -> new ArrayList<>())
                            .add(user);
                }
            }
            plan = RowPlan.of(job.subjectId(), job.level(), tree, users);
            fence.commit(write, () -> GenerationQueries.deleteEarlierMembers(write, job.workId(), job.attempt()));
            fence.commit(
                    write, () -> GenerationQueries.insertMembers(write, job.workId(), job.attempt(), plan.members()));
            staged = true;
            fence.commit(write, () -> GenerationQueries.analyzeMembers(write));
        }

        /** Streams the report into every output, in order; checks {@code lease} after each row and at the end. */
        public void write(List<ReportOutput> outputs, LeaseCheck lease) throws SQLException, IOException {
            List<FormatWriter> writers = new ArrayList<>();
            for (ReportOutput output : outputs) {
                FormatWriter writer = FormatWriters.open(output.format(), spec, output.stream());
                writer.begin();
                writers.add(writer);
            }
            try (RowPipe pipe = new RowPipe(executor, writers);
                    RowAggregator aggregator =
                            new RowAggregator(plan, spec.dates(), spec.hideZeroUsage(), (row, usages) -> {
                                lease.check();
                                pipe.row(row, usages);
                            })) {
                GenerationQueries.stream(
                        read,
                        dataSource::getConnection,
                        job.workId(),
                        job.attempt(),
                        spec.dates(),
                        spec.zone(),
                        aggregator,
                        executor);
                pipe.finish();
            }
            for (FormatWriter writer : writers) {
                writer.end();
            }
            lease.check();
        }

        /** Ends the reading and deletes this attempt's own work-table rows (never another attempt's). */
        @Override
        public void close() throws SQLException {
            try (read;
                    write) {
                read.rollback();
                if (staged) {
                    write.rollback();
                    // Unfenced (a saved run's attempt still drops its rows), but bounded like the fence.
                    Databases.boundIdle(write);
                    GenerationQueries.deleteMembers(write, job.workId(), job.attempt());
                    write.commit();
                }
            }
        }
    }
}
