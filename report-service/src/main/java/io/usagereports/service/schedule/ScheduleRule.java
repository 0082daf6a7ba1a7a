package io.usagereports.service.schedule;

import io.usagereports.model.reports.Period;
import io.usagereports.model.reports.Schedule;
import io.usagereports.model.reports.ScheduleType;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Objects;

/**
 * When a scheduled report's runs are due, and what each covers. A run is due at {@code time} in
 * {@code zone} every day ({@code daily}), on {@code dayOfWeek} ({@code weekly}) or on
 * {@code dayOfMonth} ({@code monthly}), and covers the last complete day, ISO week (Monday to
 * Sunday) or calendar month, as of its due instant, in the report's zone.
 *
 * <p>Daylight saving time: a local time that does not exist on its day (the clocks jump past it)
 * is due at the next valid instant, the moment of the jump; one that occurs twice is due once,
 * at its first occurrence.
 */
public record ScheduleRule(ScheduleType type, LocalTime time, int dayOfMonth, DayOfWeek dayOfWeek, ZoneId zone) {

    public ScheduleRule {
        Objects.requireNonNull(time);
        Objects.requireNonNull(zone);
        if (!type.isScheduled()) {
            throw new IllegalArgumentException("A report that runs once has no schedule rule");
        }
    }

    /** The rule of a scheduled report's schedule, whose fields carry their defaults. */
    public static ScheduleRule of(Schedule schedule) {
        return new ScheduleRule(
                schedule.type(),
                schedule.time(),
                schedule.dayOfMonth() == null ? 1 : schedule.dayOfMonth(),
                schedule.dayOfWeek() == null
                        ? DayOfWeek.MONDAY
                        : schedule.dayOfWeek().toDayOfWeek(),
                ZoneId.of(schedule.timezone()));
    }

    /** The first due instant strictly after {@code after}. */
    public Instant nextDueAfter(Instant after) {
        LocalDate day = LocalDate.ofInstant(after, zone);
        // One step back first: a due instant on the previous local day may still lie after "after" (DST).
        for (LocalDate candidate = previousCandidate(day.minusDays(1)); ; candidate = nextCandidate(candidate)) {
            Instant due = at(candidate);
            if (due.isAfter(after)) {
                return due;
            }
        }
    }

    /** The due instants after {@code after} up to {@code until} (inclusive), oldest first. */
    public List<Instant> dueBetween(Instant after, Instant until) {
        List<Instant> due = new java.util.ArrayList<>();
        for (Instant next = nextDueAfter(after); !next.isAfter(until); next = nextDueAfter(next)) {
            due.add(next);
        }
        return due;
    }

    /** The period a run due at {@code due} covers: the last complete one, in {@code periodZone}. */
    public Period periodOf(Instant due, ZoneId periodZone) {
        LocalDate today = LocalDate.ofInstant(due, periodZone);
        return switch (type) {
            case DAILY -> new Period(today.minusDays(1), today.minusDays(1));
            case WEEKLY -> {
                LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                        .minusWeeks(1);
                yield new Period(monday, monday.plusDays(6));
            }
            case MONTHLY -> {
                YearMonth month = YearMonth.from(today).minusMonths(1);
                yield new Period(month.atDay(1), month.atEndOfMonth());
            }
            case ONCE -> throw new IllegalStateException("once");
        };
    }

    /**
     * The key of a scheduled run, unique per report and period: the month ({@code 2026-11}), the
     * day ({@code 2026-11-30}) or the ISO week ({@code 2026-W48}) it covers.
     */
    public static String key(ScheduleType type, Period period) {
        return switch (type) {
            case MONTHLY -> YearMonth.from(period.start()).toString();
            case DAILY -> period.start().toString();
            case WEEKLY ->
                String.format(
                        "%d-W%02d",
                        period.start().get(IsoFields.WEEK_BASED_YEAR),
                        period.start().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case ONCE -> throw new IllegalStateException("once");
        };
    }

    /** The period a report of {@code type} covers when run now, in {@code zone}, by default. */
    public static Period previousPeriod(ScheduleType type, Instant now, ZoneId zone) {
        return new ScheduleRule(type, LocalTime.MIDNIGHT, 1, DayOfWeek.MONDAY, zone).periodOf(now, zone);
    }

    /** The last candidate day on or before {@code day}. */
    private LocalDate previousCandidate(LocalDate day) {
        return switch (type) {
            case DAILY -> day;
            case WEEKLY -> day.with(TemporalAdjusters.previousOrSame(dayOfWeek));
            case MONTHLY ->
                day.getDayOfMonth() >= dayOfMonth
                        ? day.withDayOfMonth(dayOfMonth)
                        : day.minusMonths(1).withDayOfMonth(dayOfMonth);
            case ONCE -> throw new IllegalStateException("once");
        };
    }

    private LocalDate nextCandidate(LocalDate candidate) {
        return switch (type) {
            case DAILY -> candidate.plusDays(1);
            case WEEKLY -> candidate.plusWeeks(1);
            case MONTHLY -> candidate.plusMonths(1).withDayOfMonth(dayOfMonth);
            case ONCE -> throw new IllegalStateException("once");
        };
    }

    /** The instant of {@code time} on {@code day} in the zone, as the class comment says for DST. */
    private Instant at(LocalDate day) {
        LocalDateTime local = LocalDateTime.of(day, time);
        List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
        if (offsets.isEmpty()) {
            return zone.getRules().getTransition(local).getInstant();
        }
        return local.toInstant(offsets.get(0));
    }
}
