package io.usagereports.service.generation.format;

import io.usagereports.model.reports.ReportKind;
import io.usagereports.model.reports.ReportLevel;

/** The platform's numeric codes of kinds and levels in {@code json_v2_0} params (docs/api.md §6). */
final class PlatformCodes {

    private PlatformCodes() {}

    static int kind(ReportKind kind) {
        return switch (kind) {
            case USAGE_CURRENT -> 8;
            case USAGE_SUMMARY -> 5;
            case USAGE_DAILY -> 4;
            case USAGE_BREAKDOWN -> 6;
        };
    }

    static int level(ReportLevel level) {
        return switch (level) {
            case ITSELF -> 0;
            case DIRECT_PARTNERS -> 1;
            case ALL_CUSTOMERS -> 2;
            case ACCOUNTS -> 3;
            case ALL_PARTNERS -> 4;
        };
    }
}
