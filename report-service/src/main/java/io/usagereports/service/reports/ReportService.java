package io.usagereports.service.reports;

import static io.usagereports.model.common.ErrorCodes.NOT_FOUND;

import io.usagereports.model.common.ErrorDomains;
import io.usagereports.model.reports.Report;
import io.usagereports.model.reports.ReportRevision;
import io.usagereports.model.reports.ReportUpdate;
import io.usagereports.model.reports.Schedule;
import io.usagereports.service.common.ServiceException;
import io.usagereports.service.common.ServiceException.Kind;
import io.usagereports.service.directory.AccessGuard;
import io.usagereports.service.directory.TenantEntity;
import io.usagereports.service.directory.UserService;
import io.usagereports.service.schedule.ScheduleDefaults;
import io.usagereports.service.schedule.ScheduleRule;
import io.usagereports.service.security.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The use cases of report definitions (docs/api.md §4). Each public method is one transaction: a
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
    AccessGuard guard;

    @Inject
    UserService users;

    @Inject
    Clock clock;

    @Inject
    Event<ReportCreated> reportCreated;

    @Inject
    ScheduleDefaults scheduleDefaults;

    /**
     * Checks a new definition, applies its defaults and stores it as version 1. Its tenant must
     * be one the actor may change, and its recipients users of that tenant or below it.
     */
    public Report create(Actor actor, Report draft) {
        guard.requireWriter(actor);
        Report definition = ReportRules.normalizeNew(draft, LocalDate.now(clock), scheduleDefaults);
        TenantEntity tenant =
                guard.writableTenant(actor, definition.parameters().tenantId(), "parameters.tenant_id");
        users.requireUsersWithin(definition.recipients(), tenant, "recipients");
        Instant now = now();
        ReportEntity entity = ReportEntity.create(UUID.randomUUID(), definition, now);
        entity.scheduleNextRun(nextRun(definition, now));
        reports.persist(entity);
        Report created = entity.toReport();
        recordRevision(created, actor, now);
        reports.flush();
        reportCreated.fire(new ReportCreated(created, now));
        LOG.fine(() -> "Created report " + created.id());
        return created;
    }

    /**
     * The report as last committed, read on a connection of its own (so not in a caller's
     * transaction either): the API's most frequent read, kept to one plain statement
     * ({@link ReportRepository#findCommitted}) and no transaction of its own.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Report get(Actor actor, UUID id) {
        return reports.findCommitted(id)
                .filter(r -> guard.sees(actor, r.parameters().tenantId()))
                .orElseThrow(() -> notFound(id));
    }

    /**
     * A report the actor may run (else 403; 404 if the actor cannot see it), locked until the
     * transaction ends so that it is not changed or deleted meanwhile.
     */
    public Report lockedForRun(Actor actor, UUID id) {
        guard.requireWriter(actor);
        return lockedForChange(actor, id).toReport();
    }

    /** The current definition of a report, for the server's own work (no actor). */
    public Optional<Report> definition(UUID id) {
        return reports.find(id).map(ReportEntity::toReport);
    }

    /** IDs of the reports of one tenant, oldest first. */
    public List<UUID> idsOfTenant(Actor actor, UUID tenantId) {
        guard.namedTenant(actor, tenantId, null);
        return reports.idsOfTenant(tenantId);
    }

    /** Reports in the actor's subtrees matching the filter, one page at a time. */
    public ReportSlice list(Actor actor, ReportFilter filter) {
        if (filter.tenantId() != null) {
            guard.namedTenant(actor, filter.tenantId(), "tenant_id");
        }
        ReportCursor after = filter.after() == null ? null : ReportCursor.decode(filter.after());
        List<ReportEntity> found = reports.page(filter, actor.visiblePaths(), filter.limit() + 1, after);
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
    public Report update(Actor actor, UUID id, Integer expectedVersion, ReportUpdate update) {
        guard.requireWriter(actor);
        ReportEntity entity = lockedForChange(actor, id);
        TenantEntity tenant = guard.namedTenant(actor, entity.tenantId(), null);
        checkVersion(entity, expectedVersion);
        Report next = ReportRules.applyUpdate(entity.toReport(), update);
        if (update.recipients() != null) {
            users.requireUsersWithin(next.recipients(), tenant, "recipients");
        }
        Instant now = now();
        Schedule before = entity.toReport().schedule();
        entity.update(next, now);
        if (!before.equals(next.schedule())) {
            // A changed schedule (or enabling it again) runs next at its first due time from now.
            entity.scheduleNextRun(nextRun(next, now));
        }
        Report updated = entity.toReport();
        recordRevision(updated, actor, now);
        return updated;
    }

    /** Deletes a report and its history, if it is still at {@code expectedVersion}. */
    public void delete(Actor actor, UUID id, int expectedVersion) {
        guard.requireWriter(actor);
        ReportEntity entity = lockedForChange(actor, id);
        checkVersion(entity, expectedVersion);
        reports.delete(entity);
        LOG.fine(() -> "Deleted report " + id + " at version " + expectedVersion);
    }

    /** Every version of a report, the current one included, oldest first. */
    public List<ReportRevision> revisions(Actor actor, UUID id) {
        visible(actor, id);
        return reports.revisions(id).stream()
                .map(v -> new ReportRevision(v.version(), v.changedAt(), v.changedBy(), snapshots.read(v.snapshot())))
                .toList();
    }

    private void recordRevision(Report report, Actor actor, Instant now) {
        reports.persist(
                new ReportRevisionEntity(report.id(), report.version(), now, actor.userId(), snapshots.write(report)));
    }

    /** The report, if it exists in a tenant the actor can see; otherwise 404, as if it did not exist. */
    private ReportEntity visible(Actor actor, UUID id) {
        return reports.find(id).filter(r -> guard.sees(actor, r.tenantId())).orElseThrow(() -> notFound(id));
    }

    /**
     * The report, locked for the rest of the transaction, if the actor may see it (else 404) and
     * change it (else 403). Locked before anything reads it, so what is checked is current.
     */
    private ReportEntity lockedForChange(Actor actor, UUID id) {
        ReportEntity report = reports.findForUpdate(id)
                .filter(r -> guard.sees(actor, r.tenantId()))
                .orElseThrow(() -> notFound(id));
        guard.requireWrite(actor, guard.namedTenant(actor, report.tenantId(), null));
        return report;
    }

    private static void checkVersion(ReportEntity entity, Integer expected) {
        if (expected != null && expected != entity.version()) {
            throw ServiceException.versionConflict(
                    ErrorDomains.REPORTS, "Report", "report_id", entity.id(), expected, entity.version());
        }
    }

    private static ServiceException notFound(UUID id) {
        return new ServiceException(
                Kind.NOT_FOUND,
                ErrorDomains.REPORTS,
                NOT_FOUND,
                "Report " + id + " does not exist.",
                null,
                null,
                Map.of("report_id", id.toString()));
    }

    /** When an enabled scheduled report is next due after {@code now}; null for the others. */
    private static Instant nextRun(Report definition, Instant now) {
        Schedule schedule = definition.schedule();
        if (!schedule.type().isScheduled() || !Boolean.TRUE.equals(schedule.enabled())) {
            return null;
        }
        return ScheduleRule.of(schedule).nextDueAfter(now);
    }

    /** Timestamps are kept to the microsecond, the precision both databases store. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
