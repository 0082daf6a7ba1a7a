package io.usagereports.service.generation.format;

import java.io.IOException;
import java.util.List;

/**
 * Writes one format of a report as its rows stream by. A writer holds at most one row; it
 * flushes to its stream as it goes and finishes the document in {@link #end()}.
 */
public interface FormatWriter {

    void begin() throws IOException;

    /** One row with its usages, already filtered ({@code hide_zero_usage}) and sorted. */
    void row(ReportRow row, List<RowUsage> usages) throws IOException;

    /** Completes the document and flushes it; does not close the underlying stream. */
    void end() throws IOException;
}
