package io.usagereports.service.generation.format;

/**
 * One usage name and edition of a row, with its value at the end of each date of the report
 * ({@link ReportDates}), rolled up over the row's subtree.
 *
 * @param edition "" when the usage has no edition
 * @param sku     null when no offering item names one
 */
public record RowUsage(String usageName, String edition, String unit, String sku, long[] values) {

    /** The unit of bytes; human formats show such values in GiB. */
    public static final String BYTES = "bytes";

    public boolean allZero() {
        for (long v : values) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }
}
