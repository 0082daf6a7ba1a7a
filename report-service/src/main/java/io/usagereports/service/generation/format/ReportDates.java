package io.usagereports.service.generation.format;

import io.usagereports.model.reports.ReportKind;
import java.time.LocalDate;

/**
 * The dates whose end-of-day values a report needs, ascending. The value of a day D is the value
 * at the end of D in the report's time zone (UTC unless it says otherwise).
 * <ul>
 * <li>{@code usage_current}: the one value date;</li>
 * <li>{@code usage_summary}: start and end of the period (one date if they are equal);</li>
 * <li>{@code usage_daily}: every day of the period;</li>
 * <li>{@code usage_breakdown}: the day before the period, then every day of it (the first
 * day's change is measured against the day before).</li>
 * </ul>
 */
public final class ReportDates {

    private ReportDates() {}

    public static LocalDate[] of(ReportKind kind, LocalDate start, LocalDate end, LocalDate valueDate) {
        return switch (kind) {
            case USAGE_CURRENT -> new LocalDate[] {valueDate};
            case USAGE_SUMMARY -> start.equals(end) ? new LocalDate[] {start} : new LocalDate[] {start, end};
            case USAGE_DAILY -> range(start, end);
            case USAGE_BREAKDOWN -> range(start.minusDays(1), end);
        };
    }

    private static LocalDate[] range(LocalDate from, LocalDate to) {
        int days = (int) (to.toEpochDay() - from.toEpochDay()) + 1;
        LocalDate[] dates = new LocalDate[days];
        for (int i = 0; i < days; i++) {
            dates[i] = from.plusDays(i);
        }
        return dates;
    }
}
