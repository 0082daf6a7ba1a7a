package io.usagereports.service.generation.format;

import io.usagereports.model.reports.ReportFormat;
import java.io.OutputStream;

/** The writer of each format, and what its files are called. */
public final class FormatWriters {

    private FormatWriters() {}

    public static FormatWriter open(ReportFormat format, ReportSpec spec, OutputStream out) {
        return switch (format) {
            case CSV_V2_0 -> new CsvV2Writer(spec, out);
            case JSON_V2_0 -> new JsonV2Writer(spec, out);
            case CSV -> new CsvWriter(spec, out);
            case HTML -> new HtmlWriter(spec, out);
            case JSON_V1 -> new JsonV1Writer(spec, out);
        };
    }

    public static String extension(ReportFormat format) {
        return switch (format) {
            case CSV, CSV_V2_0 -> "csv";
            case HTML -> "html";
            case JSON_V1, JSON_V2_0 -> "json";
        };
    }
}
