package io.usagereports.service.reports;

import static io.usagereports.model.common.ErrorCodes.NOT_FOUND;
import static io.usagereports.model.common.ErrorCodes.VERSION_CONFLICT;

import io.usagereports.model.reports.Report;
import io.usagereports.model.reports.ReportRevision;
import io.usagereports.model.reports.ReportUpdate;
import io.usagereports.service.common.ServiceException;
import io.usagereports.service.common.ServiceException.Kind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The use cases of report definitions (spec §4). Each public method is one transaction: a
 * change and its revision are stored together or not at all.
 */
@ApplicationScoped
@Transactional
public class ReportService {

    private static final Logger LOG = Logger.getLogger(ReportService.class.getName());

    @Inject
    ReportRepository reports;

    @Inject
    ReportSnapshots snapshots;

    @Inject
    Clock clock;

    /** Checks a new definition, applies its defaults and stores it as version 1. */
    public Report create(Report draft) {
        Report definition = ReportRules.normalizeNew(draft, LocalDate.now(clock));
        Instant now = now();
        ReportEntity entity = ReportEntity.create(UUID.randomUUID(), definition, now);
        reports.persist(entity);
        Report created = entity.toReport();
        recordRevision(created, now);
        LOG.fine(() -> "Created report " + created.id());
        return created;
    }

    public Report get(UUID id) {
        return reports.find(id).map(ReportEntity::toReport).orElseThrow(() -> notFound(id));
    }

    /** IDs of the reports of one tenant, oldest first. */
    public List<UUID> idsOfTenant(UUID tenantId) {
        return reports.idsOfTenant(tenantId);
    }

    public ReportSlice list(ReportFilter filter) {
        ReportCursor after = filter.after() == null ? null : ReportCursor.decode(filter.after());
        List<ReportEntity> found = reports.page(filter, after, filter.limit() + 1);
        boolean more = found.size() > filter.limit();
        List<ReportEntity> page = more ? found.subList(0, filter.limit()) : found;
        String next = null;
        if (more) {
            ReportEntity last = page.get(page.size() - 1);
            next = new ReportCursor(last.createdAt(), last.id()).encode();
        }
        return new ReportSlice(page.stream().map(ReportEntity::toReport).toList(), next);
    }

    /**
     * Applies a partial update as a new version. With {@code expectedVersion} the update
     * happens only if the report is still at that version; without it, it applies to the
     * latest. The row lock makes concurrent updates take turns, so each sees its predecessor.
     */
    public Report update(UUID id, Integer expectedVersion, ReportUpdate update) {
        ReportEntity entity = reports.findForUpdate(id).orElseThrow(() -> notFound(id));
        checkVersion(entity, expectedVersion);
        Report next = ReportRules.applyUpdate(entity.toReport(), update);
        Instant now = now();
        entity.update(next, now);
        Report updated = entity.toReport();
        recordRevision(updated, now);
        return updated;
    }

    /** Deletes a report and its history, if it is still at {@code expectedVersion}. */
    public void delete(UUID id, int expectedVersion) {
        ReportEntity entity = reports.findForUpdate(id).orElseThrow(() -> notFound(id));
        checkVersion(entity, expectedVersion);
        reports.delete(entity);
        LOG.fine(() -> "Deleted report " + id + " at version " + expectedVersion);
    }

    /** Every version of a report, the current one included, oldest first. */
    public List<ReportRevision> revisions(UUID id) {
        reports.find(id).orElseThrow(() -> notFound(id));
        return reports.revisions(id).stream()
                .map(v -> new ReportRevision(v.version(), v.changedAt(), v.changedBy(), snapshots.read(v.snapshot())))
                .toList();
    }

    private void recordRevision(Report report, Instant now) {
        reports.persist(new ReportRevisionEntity(report.id(), report.version(), now, null, snapshots.write(report)));
    }

    private static void checkVersion(ReportEntity entity, Integer expected) {
        if (expected != null && expected != entity.version()) {
            Map<String, Object> context = new LinkedHashMap<>();
            context.put("report_id", entity.id().toString());
            context.put("expected_version", expected);
            context.put("actual_version", entity.version());
            throw new ServiceException(Kind.CONFLICT, VERSION_CONFLICT,
                    "Report " + entity.id() + " is at version " + entity.version() + ", not " + expected + ".",
                    "version", "Fetch the report again, then retry with its current version.", context);
        }
    }

    private static ServiceException notFound(UUID id) {
        return new ServiceException(Kind.NOT_FOUND, NOT_FOUND, "Report " + id + " does not exist.", null, null,
                Map.of("report_id", id.toString()));
    }

    /** Timestamps are kept to the microsecond, the precision both databases store. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
