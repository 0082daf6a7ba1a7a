package io.usagereports.service.generation.format;

import io.usagereports.model.reports.ReportKind;
import java.time.LocalDate;

/**
 * One line of a report for one usage of a row; the fields that do not apply to the kind are
 * null. {@link #expand} turns a usage's values into the kind's lines.
 */
public record ReportLine(LocalDate date, Long value, Long startValue, Long endValue, Long delta, Long change) {

    /** Receives the lines of one usage. */
    @FunctionalInterface
    public interface Sink {
        void line(ReportLine line) throws java.io.IOException;
    }

    /** The lines of one usage: one for current and summary, one per day for daily and breakdown. */
    public static void expand(ReportKind kind, LocalDate[] dates, long[] values, Sink sink) throws java.io.IOException {
        switch (kind) {
            case USAGE_CURRENT -> sink.line(new ReportLine(dates[0], values[0], null, null, null, null));
            case USAGE_SUMMARY -> {
                long start = values[0];
                long end = values[values.length - 1];
                sink.line(new ReportLine(null, null, start, end, end - start, null));
            }
            case USAGE_DAILY -> {
                for (int i = 0; i < dates.length; i++) {
                    sink.line(new ReportLine(dates[i], values[i], null, null, null, null));
                }
            }
            case USAGE_BREAKDOWN -> {
                for (int i = 1; i < dates.length; i++) {
                    sink.line(new ReportLine(dates[i], values[i], null, null, null, values[i] - values[i - 1]));
                }
            }
        }
    }
}
