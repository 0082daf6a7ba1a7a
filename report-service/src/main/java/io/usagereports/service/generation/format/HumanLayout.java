package io.usagereports.service.generation.format;

import io.usagereports.model.reports.ReportKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * What the formats for people ({@code csv}, {@code html}) show: one column set per kind, storage
 * in GiB (1024³ bytes) with two decimals, other units as counts.
 */
final class HumanLayout {

    private static final BigDecimal GIB = BigDecimal.valueOf(1L << 30);

    private HumanLayout() {}

    static String unit(RowUsage usage) {
        return RowUsage.BYTES.equals(usage.unit()) ? "GiB" : usage.unit();
    }

    static String amount(RowUsage usage, Long value) {
        if (value == null) {
            return "";
        }
        if (RowUsage.BYTES.equals(usage.unit())) {
            return BigDecimal.valueOf(value)
                    .divide(GIB, 2, RoundingMode.HALF_UP)
                    .toPlainString();
        }
        return Long.toString(value);
    }

    /** The descriptive columns, then the value columns of the kind. */
    static List<String> header(ReportKind kind, boolean showSkus) {
        List<String> header = new ArrayList<>(List.of("Tenant", "Kind", "User", "Usage", "Edition", "Unit"));
        if (showSkus) {
            header.add("SKU");
        }
        header.addAll(valueHeader(kind));
        return header;
    }

    static List<String> valueHeader(ReportKind kind) {
        return switch (kind) {
            case USAGE_CURRENT, USAGE_DAILY -> List.of("Date", "Value");
            case USAGE_SUMMARY -> List.of("Start value", "End value", "Change");
            case USAGE_BREAKDOWN -> List.of("Date", "Value", "Change");
        };
    }

    /** The value cells of one line, matching {@link #valueHeader}. */
    static List<String> valueCells(ReportKind kind, RowUsage usage, ReportLine line) {
        return switch (kind) {
            case USAGE_CURRENT, USAGE_DAILY -> List.of(line.date().toString(), amount(usage, line.value()));
            case USAGE_SUMMARY ->
                List.of(amount(usage, line.startValue()), amount(usage, line.endValue()), amount(usage, line.delta()));
            case USAGE_BREAKDOWN ->
                List.of(line.date().toString(), amount(usage, line.value()), amount(usage, line.change()));
        };
    }

    static String periodText(ReportSpec spec) {
        return spec.kind() == ReportKind.USAGE_CURRENT
                ? "as of the end of " + spec.periodEnd()
                : spec.periodStart() + " to " + spec.periodEnd();
    }
}
