package io.usagereports.service.generation;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/**
 * A query's result read as PostgreSQL's binary {@code COPY … TO STDOUT}, field by field in column
 * order, the way a {@link java.sql.ResultSet} is read: the one place that uses the driver's own API.
 *
 * <p>Why not a cursor: a cursor's rows come in round trips, and the database waits while the
 * client decodes each batch, then the client waits for the next; {@code COPY} streams, so the
 * database produces rows while the client decodes the ones before them. Binary fields are also
 * cheap to decode (a UUID is 16 bytes, a timestamp a count of microseconds), and a UUID or text
 * equal to the same field of the row before (a tenant's, for each of its series) is decoded once
 * and its value reused.
 *
 * <p>{@code COPY} takes no bind parameters: the caller writes its values into the query as typed
 * literals ({@link #literal(UUID)} and the like), never text from a request.
 */
final class PgCopyReader implements AutoCloseable {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};

    /** The SQLState of a cancelled statement. */
    private static final String QUERY_CANCELED = "57014";

    /** PostgreSQL's timestamps count microseconds from 2000-01-01T00:00Z. */
    private static final long POSTGRES_EPOCH_MICROS = 946_684_800_000_000L;

    private final PGConnection connection;
    private final CopyOut copy;
    private byte[] buffer = new byte[0];
    private int position;
    private int field;
    private boolean wasNull;
    private boolean ended;
    private UUID[] lastUuids = new UUID[0];
    private byte[][] lastTextBytes = new byte[0][];
    private String[] lastTexts = new String[0];

    private PgCopyReader(PGConnection connection, CopyOut copy) {
        this.connection = connection;
        this.copy = copy;
    }

    /** Starts {@code COPY (query) TO STDOUT} in the connection's current transaction. */
    static PgCopyReader open(Connection connection, String query) throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        CopyOut copy = pg.getCopyAPI().copyOut("COPY (" + query + ") TO STDOUT (FORMAT binary)");
        PgCopyReader reader = new PgCopyReader(pg, copy);
        try {
            reader.readHeader();
        } catch (SQLException | RuntimeException e) {
            reader.close();
            throw e;
        }
        return reader;
    }

    static String literal(UUID id) {
        return "'" + id + "'::uuid";
    }

    static String literal(OffsetDateTime time) {
        return "'" + time + "'::timestamptz";
    }

    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private void readHeader() throws SQLException {
        need(SIGNATURE.length + 8);
        if (!Arrays.equals(buffer, position, position + SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
            throw new SQLException("Not a binary COPY stream");
        }
        position += SIGNATURE.length + 4; // the flags: none defined that change the tuples
        int extension = int32();
        need(extension);
        position += extension;
    }

    /** Moves to the next row; false once the result has ended (the copy is then complete). */
    boolean next() throws SQLException {
        if (ended) {
            return false;
        }
        need(2);
        int fields = (short) ((buffer[position] & 0xFF) << 8 | buffer[position + 1] & 0xFF);
        position += 2;
        if (fields == -1) {
            ended = true;
            while (copy.readFromCopy() != null) {
                // The trailer is the last tuple; what follows completes the command.
            }
            return false;
        }
        if (fields > lastUuids.length) {
            lastUuids = Arrays.copyOf(lastUuids, fields);
            lastTextBytes = Arrays.copyOf(lastTextBytes, fields);
            lastTexts = Arrays.copyOf(lastTexts, fields);
        }
        field = 0;
        return true;
    }

    /** Whether the field read last was NULL (its value was then returned as 0 or null). */
    boolean wasNull() {
        return wasNull;
    }

    int int4() throws SQLException {
        int length = fieldLength();
        if (length < 0) {
            return 0;
        }
        expect(length, 4);
        need(4);
        return int32();
    }

    long int8() throws SQLException {
        int length = fieldLength();
        if (length < 0) {
            return 0;
        }
        expect(length, 8);
        return int64();
    }

    /** A one-dimensional {@code bigint[]} without NULL elements; null if the field is NULL. */
    long[] int8Array() throws SQLException {
        return int64Array(0);
    }

    /**
     * A one-dimensional {@code timestamptz[]} without NULL elements, as microseconds since
     * 1970-01-01T00:00Z; null if the field is NULL.
     */
    long[] timestampArray() throws SQLException {
        return int64Array(POSTGRES_EPOCH_MICROS);
    }

    /** An array of 8-byte elements, each plus {@code shift}: its dimensions, then each element. */
    private long[] int64Array(long shift) throws SQLException {
        int length = fieldLength();
        if (length < 0) {
            return null;
        }
        need(length);
        int dimensions = int32();
        position += 8; // whether it has NULL elements (checked below, each), the element type
        if (dimensions == 0) {
            return new long[0];
        }
        if (dimensions != 1) {
            throw new SQLException("An array of " + dimensions + " dimensions where one was expected");
        }
        int size = int32();
        position += 4; // the lower bound
        long[] values = new long[size];
        for (int i = 0; i < size; i++) {
            expect(int32(), 8);
            values[i] = int64() + shift;
        }
        return values;
    }

    UUID uuid() throws SQLException {
        int column = field;
        int length = fieldLength();
        if (length < 0) {
            return null;
        }
        expect(length, 16);
        long most = int64();
        long least = int64();
        UUID last = lastUuids[column];
        if (last == null || last.getMostSignificantBits() != most || last.getLeastSignificantBits() != least) {
            last = new UUID(most, least);
            lastUuids[column] = last;
        }
        return last;
    }

    /** A text field (the connection's encoding is UTF-8: the driver sets it). */
    String text() throws SQLException {
        int column = field;
        int length = fieldLength();
        if (length < 0) {
            return null;
        }
        need(length);
        byte[] last = lastTextBytes[column];
        if (last == null
                || last.length != length
                || !Arrays.equals(buffer, position, position + length, last, 0, length)) {
            last = Arrays.copyOfRange(buffer, position, position + length);
            lastTextBytes[column] = last;
            lastTexts[column] = new String(last, StandardCharsets.UTF_8);
        }
        position += length;
        return lastTexts[column];
    }

    /**
     * Stops a copy that has not ended (its reader gave up: an error, a lost lease, a stopping
     * server), so the connection can be rolled back and used again. The driver's own
     * {@code cancelCopy} leaves what the server already sent unread on the connection; instead the
     * query is cancelled and the stream read to its end, which the cancel makes near.
     */
    @Override
    public void close() throws SQLException {
        if (!copy.isActive()) {
            return;
        }
        connection.cancelQuery();
        try {
            while (copy.readFromCopy() != null) {
                // Rows the server sent before the cancel reached it.
            }
        } catch (SQLException e) {
            if (!QUERY_CANCELED.equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    private int fieldLength() throws SQLException {
        field++;
        need(4);
        int length = int32();
        wasNull = length < 0;
        return length;
    }

    private static void expect(int length, int size) throws SQLException {
        if (length != size) {
            throw new SQLException("A field of " + length + " bytes where " + size + " were expected");
        }
    }

    private int int32() {
        int value = (buffer[position] & 0xFF) << 24
                | (buffer[position + 1] & 0xFF) << 16
                | (buffer[position + 2] & 0xFF) << 8
                | buffer[position + 3] & 0xFF;
        position += 4;
        return value;
    }

    private long int64() throws SQLException {
        need(8);
        long high = int32() & 0xFFFF_FFFFL;
        long low = int32() & 0xFFFF_FFFFL;
        return high << 32 | low;
    }

    /**
     * Makes {@code bytes} bytes readable from {@link #position}. The server sends a message per
     * row, so a field rarely spans two: when one does, what is left is joined with the next.
     */
    private void need(int bytes) throws SQLException {
        while (buffer.length - position < bytes) {
            byte[] more = copy.readFromCopy();
            if (more == null) {
                throw new SQLException("The COPY result ended inside a row");
            }
            int left = buffer.length - position;
            if (left == 0) {
                buffer = more;
            } else {
                byte[] joined = Arrays.copyOfRange(buffer, position, buffer.length + more.length);
                System.arraycopy(more, 0, joined, left, more.length);
                buffer = joined;
            }
            position = 0;
        }
    }
}
