package io.usagereports.service.reports;

import io.usagereports.model.reports.Schedule;
import io.usagereports.model.reports.ScheduleType;
import io.usagereports.service.schedule.ScheduleDefaults;
import io.usagereports.service.schedule.ScheduleRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * The schedule side of report definitions, for the run scheduler: which reports are due, and
 * moving a report's next run on. Moving it is conditional on the value the caller saw, so that
 * of several servers finding a report due at once exactly one creates its runs.
 */
@ApplicationScoped
@Transactional
public class ReportSchedules {

    /** A report whose next run was due at {@code nextRunAt}, as last seen. */
    public record Due(UUID reportId, Instant nextRunAt) {}

    @PersistenceContext(unitName = "reports")
    EntityManager em;

    /** Enabled scheduled reports due at or before {@code now}, the longest overdue first. */
    public List<Due> due(Instant now, int limit) {
        return em
                .createQuery(
                        "select r.id, r.nextRunAt from ReportEntity r where r.scheduleEnabled = true"
                                + " and r.nextRunAt <= :now order by r.nextRunAt",
                        Object[].class)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList()
                .stream()
                .map(row -> new Due((UUID) row[0], (Instant) row[1]))
                .toList();
    }

    /**
     * Moves the report's next run from {@code seen} to {@code next}, locking the report until the
     * transaction ends; false, changing nothing, if someone moved it first (or the report changed).
     */
    public boolean advance(UUID reportId, Instant seen, Instant next) {
        return em.createQuery("update ReportEntity r set r.nextRunAt = :next where r.id = :id"
                                + " and r.nextRunAt = :seen and r.scheduleEnabled = true")
                        .setParameter("next", next)
                        .setParameter("id", reportId)
                        .setParameter("seen", seen)
                        .executeUpdate()
                == 1;
    }

    /**
     * Gives reports created before schedules had fields their defaults, and enabled scheduled
     * reports without a next run their first due time after they were created (the run scheduler
     * then catches up on what is due, skipping periods that have a run). Idempotent; several
     * servers starting at once change each report once.
     */
    public int backfill(ScheduleDefaults defaults) {
        em.createQuery("update ReportEntity r set r.scheduleTime = :time, r.scheduleDayOfMonth = :day,"
                        + " r.scheduleTimezone = 'UTC' where r.scheduleType = :monthly and r.scheduleTime is null")
                .setParameter(
                        "time",
                        defaults.monthlyTime().truncatedTo(ChronoUnit.MINUTES).toString())
                .setParameter("day", defaults.monthlyDay())
                .setParameter("monthly", ScheduleType.MONTHLY)
                .executeUpdate();
        List<ReportEntity> unscheduled = em.createQuery(
                        "select r from ReportEntity r where r.scheduleEnabled = true"
                                + " and r.scheduleType <> :once and r.nextRunAt is null",
                        ReportEntity.class)
                .setParameter("once", ScheduleType.ONCE)
                .getResultList();
        int changed = 0;
        for (ReportEntity entity : unscheduled) {
            Schedule schedule = entity.toReport().schedule();
            changed += em.createQuery("update ReportEntity r set r.nextRunAt = :next where r.id = :id"
                            + " and r.nextRunAt is null")
                    .setParameter("next", ScheduleRule.of(schedule).nextDueAfter(entity.createdAt()))
                    .setParameter("id", entity.id())
                    .executeUpdate();
        }
        return changed;
    }
}
