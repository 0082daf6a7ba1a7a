package io.usagereports.service.generation;

import io.usagereports.service.generation.H2TenantReader.Member;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;

/**
 * The embedded H2 walks the work table's tenants itself, with one query per tenant that reads its
 * readings up to the report's end in the key's order (each series contiguous, oldest first): H2
 * cannot stream the one-query form (it has no {@code LATERAL}, plans correlated subqueries as
 * scans, and sorts a join's whole result in memory before its first row), and each query it runs
 * costs microseconds however small, so one per tenant beats one per series and date.
 *
 * <p>H2 keeps a table by an internal row number and its composite primary key as an index beside
 * it: a reading's amount costs a lookup of its table row, the key's other columns do not. So a
 * report that only seeks (current, summary) walks the key alone and looks up the amount of just
 * the readings it keeps, the latest before each seek bound ({@link SeekingTenants}: 5.4 s against
 * 12.7 s for the benchmark's 6.2 million readings); one with a range reads every reading with its
 * amount ({@link ReadingTenants}). A covering index would spare the lookups, but ingestion would
 * pay for it: measured, 2.4 times slower.
 *
 * <p>Embedded, the database works on the thread that reads, so two threads read: this one the
 * even blocks of tenants, a {@link SecondReader} the odd ones ahead of their turn, on a connection
 * of its own. Memory stays bounded by its queue and, seeking, by {@link #MAX_PENDING_SERIES}.
 */
final class H2ReportReadings implements ReportReadings {

    /** A tenant's series whose amounts a seeking reader looks up at once (more: in several goes). */
    static final int MAX_PENDING_SERIES = 4096;

    /** Tenants a reader reads in a row before the other reader's turn: at most this many. */
    private static final int MAX_BLOCK_TENANTS = 32;

    private final ReportReadings.Connections connections;
    private final ExecutorService executor;

    H2ReportReadings(ReportReadings.Connections connections, ExecutorService executor) {
        this.connections = connections;
        this.executor = executor;
    }

    /** Yes: embedded, H2 reads on the reading thread, which has no time to spare. */
    @Override
    public boolean aggregatesApart() {
        return true;
    }

    @Override
    public void read(Connection connection, UUID runId, int attempt, ReadingWindows windows, ReadingSink sink)
            throws SQLException, IOException {
        List<Member> members = members(connection, runId, attempt);
        // Blocks small enough that even a small report has several, so both readers take turns.
        int blockTenants = Math.max(1, Math.min(MAX_BLOCK_TENANTS, members.size() / 8));
        List<List<Member>> blocks = new ArrayList<>();
        for (int from = 0; from < members.size(); from += blockTenants) {
            blocks.add(members.subList(from, Math.min(members.size(), from + blockTenants)));
        }
        try (H2TenantReader reader = H2TenantReader.open(connection, windows)) {
            if (blocks.size() < 2) {
                for (List<Member> block : blocks) {
                    readBlock(reader, block, sink);
                }
                return;
            }
            // This thread reads the even blocks, a second one the odd ones (on a connection of its own).
            try (SecondReader second = new SecondReader(executor, output -> {
                try (Connection own = connections.open();
                        H2TenantReader ownReader = H2TenantReader.open(own, windows)) {
                    for (int b = 1; b < blocks.size(); b += 2) {
                        readBlock(ownReader, blocks.get(b), output);
                        output.endBlock();
                    }
                }
            })) {
                for (int b = 0; b < blocks.size(); b++) {
                    if (b % 2 == 0) {
                        readBlock(reader, blocks.get(b), sink);
                    } else {
                        second.replayBlock(sink);
                    }
                }
            }
        }
    }

    /** The work table's rows of the attempt, in its order: a few dozen bytes per tenant of the report. */
    private static List<Member> members(Connection connection, UUID runId, int attempt) throws SQLException {
        List<Member> members = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT row_no, tenant_id, user_id"
                + " FROM report_run_member WHERE run_id = ? AND attempt = ? ORDER BY row_no, depth, tenant_id")) {
            statement.setObject(1, runId);
            statement.setInt(2, attempt);
            try (ResultSet m = statement.executeQuery()) {
                while (m.next()) {
                    members.add(new Member(m.getInt(1), m.getObject(2, UUID.class), m.getObject(3, UUID.class)));
                }
            }
        }
        return members;
    }

    private static void readBlock(H2TenantReader reader, List<Member> block, ReadingSink sink)
            throws SQLException, IOException {
        for (Member member : block) {
            reader.read(member, sink);
        }
    }
}
