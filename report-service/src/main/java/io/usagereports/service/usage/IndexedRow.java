package io.usagereports.service.usage;

import io.usagereports.model.common.ErrorCodes;
import io.usagereports.model.usage.UsageReading;

/**
 * Row {@code index} of an ingestion batch as its reader saw it: a reading, or the problem that
 * kept the reader from making one (a wrong JSON type, a malformed CSV value).
 */
public record IndexedRow(int index, UsageReading reading, RowProblem problem) {

    public static IndexedRow of(int index, UsageReading reading) {
        return new IndexedRow(index, reading, null);
    }

    public static IndexedRow failed(int index, String field, String message) {
        return new IndexedRow(index, null, new RowProblem(index, field, message));
    }

    /** A row the reader could not make a reading of, with the error code of its problem. */
    public static IndexedRow failed(int index, String field, String code, String message) {
        return new IndexedRow(index, null, new RowProblem(index, field, code, message));
    }

    /**
     * What is wrong with one row; {@code field} is the column or JSON field, {@code code} the
     * error code of the problem ({@code null}: a value that is not valid).
     */
    public record RowProblem(int index, String field, String code, String message) {

        public RowProblem(int index, String field, String message) {
            this(index, field, null, message);
        }

        /** Whether the row names a field a reading does not have. */
        public boolean unknownField() {
            return ErrorCodes.UNKNOWN_FIELD.equals(code);
        }
    }
}
