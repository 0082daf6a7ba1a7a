package io.usagereports.service.runs;

import io.usagereports.model.reports.Period;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * When monthly reports run: once per calendar month, on {@code dayOfMonth} at {@code time} UTC,
 * for the previous calendar month.
 */
record MonthlySchedule(int dayOfMonth, LocalTime time) {

    MonthlySchedule {
        if (dayOfMonth < 1 || dayOfMonth > 28) {
            throw new IllegalArgumentException("reports.monthly.day must be between 1 and 28, not " + dayOfMonth);
        }
    }

    /** The latest due time at or before {@code now}. */
    Instant latestDue(Instant now) {
        YearMonth month = YearMonth.from(now.atOffset(ZoneOffset.UTC));
        Instant due = dueIn(month);
        return due.isAfter(now) ? dueIn(month.minusMonths(1)) : due;
    }

    /** The month reported by the run due at {@code due}. */
    static YearMonth reportedMonth(Instant due) {
        return YearMonth.from(due.atOffset(ZoneOffset.UTC)).minusMonths(1);
    }

    static Period period(YearMonth month) {
        return new Period(month.atDay(1), month.atEndOfMonth());
    }

    /** The previous complete calendar month of {@code day}: what a monthly report covers when run then. */
    static Period previousMonth(LocalDate day) {
        return period(YearMonth.from(day).minusMonths(1));
    }

    private Instant dueIn(YearMonth month) {
        return month.atDay(dayOfMonth).atTime(time).toInstant(ZoneOffset.UTC);
    }
}
