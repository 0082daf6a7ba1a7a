package io.usagereports.service.delivery;

import io.usagereports.model.reports.ReportFormat;
import io.usagereports.model.reports.ReportKind;
import io.usagereports.model.reports.ReportLevel;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What one delivery's e-mail says: which report and run, whom it goes to, and its files.
 *
 * @param firstDay the first day the run reports (for {@code usage_current}: its value date)
 * @param lastDay  the last day the run reports
 * @param greeting the recipient's first name, or {@code null}
 */
record ReportMail(
        String messageId,
        InternetAddress to,
        String greeting,
        ReportKind kind,
        ReportLevel level,
        String tenantName,
        LocalDate firstDay,
        LocalDate lastDay,
        UUID reportId,
        UUID runId,
        List<File> files,
        Instant date) {

    /** Opens a file's content, uncompressed; the caller closes it. */
    @FunctionalInterface
    interface Content {
        InputStream open() throws IOException;
    }

    /** One stored report of the run: its name, format, uncompressed size and content. */
    record File(UUID storedId, ReportFormat format, String name, long size, Content content) {}

    /** The subject line: kind, tenant and period, e.g. {@code Usage summary for Acme, 2017-05-01 to 2017-05-07}. */
    String subject() {
        return kind.title() + " for " + tenantName + ", " + period();
    }

    /** The period as people read it: one day, or the first and last. */
    String period() {
        return kind == ReportKind.USAGE_CURRENT || firstDay.equals(lastDay)
                ? lastDay.toString()
                : firstDay + " to " + lastDay;
    }

    /** Which tenants are rows of the report, in words. */
    String rows() {
        return switch (level) {
            case ITSELF -> "one row for " + tenantName + " itself";
            case DIRECT_PARTNERS -> "a row for each partner and customer directly below " + tenantName;
            case ALL_PARTNERS -> "a row for every partner below " + tenantName;
            case ALL_CUSTOMERS -> "a row for every partner and customer below " + tenantName;
            case ACCOUNTS ->
                "a row for every partner and customer below " + tenantName + ", each followed by its" + " users";
        };
    }

    long totalSize() {
        return files.stream().mapToLong(File::size).sum();
    }
}
