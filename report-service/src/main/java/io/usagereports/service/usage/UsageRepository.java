package io.usagereports.service.usage;

import io.usagereports.model.usage.OfferingItem;
import io.usagereports.model.usage.UsageReading;
import io.usagereports.service.persistence.Databases;
import io.usagereports.service.usage.KnownSeries.SeriesKey;
import io.usagereports.service.usage.KnownSeries.SeriesStored;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Usage data through plain JDBC, in the caller's transaction: bulk writes need batched
 * statements and each database's own upsert, which JPA offers neither of. The dialect is
 * read from the connection once.
 */
@ApplicationScoped
public class UsageRepository {

    /** The user ID stored for a tenant's own readings (key columns cannot be NULL). */
    static final UUID NO_USER = new UUID(0, 0);
    /** The edition stored for readings that name none. */
    static final String NO_EDITION = "";

    private static final String COLUMNS = "tenant_id, usage_name, edition, user_id, measured_at, amount";
    private static final String KEY = "tenant_id, usage_name, edition, user_id, measured_at";
    private static final String SERIES = "tenant_id, usage_name, edition, user_id";

    @Resource(lookup = "jdbc/reports")
    DataSource dataSource;

    @Inject
    KnownSeries knownSeries;

    @Inject
    Event<SeriesStored> seriesStored;

    private volatile Boolean postgres;

    /**
     * Stores readings, replacing the value of any stored reading with the same key, and registers
     * their series. The caller passes each key at most once per call: PostgreSQL refuses to touch
     * a row twice in one batched statement.
     */
    void upsert(Collection<UsageReading> readings) {
        try (Connection connection = dataSource.getConnection()) {
            boolean pg = isPostgres(connection);
            registerSeries(connection, pg, readings);
            if (pg) {
                upsertArrays(connection, readings);
            } else {
                upsertBatch(connection, readings);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Storing usage readings failed", e);
        }
    }

    /**
     * PostgreSQL: the whole chunk as one statement over arrays, one per column (standard JDBC
     * arrays, no driver API), in key order: a statement per row costs more than the row, and in key
     * order the key's pages are visited once each and concurrent batches take row locks in one
     * order. Timestamps travel as microseconds since the epoch, exact.
     */
    private static void upsertArrays(Connection connection, Collection<UsageReading> readings) throws SQLException {
        int n = readings.size();
        Object[] tenants = new Object[n];
        Object[] names = new Object[n];
        Object[] editions = new Object[n];
        Object[] users = new Object[n];
        Object[] micros = new Object[n];
        Object[] amounts = new Object[n];
        int i = 0;
        for (UsageReading r : readings) {
            tenants[i] = r.tenantId();
            names[i] = r.usageName();
            editions[i] = edition(r);
            users[i] = user(r);
            micros[i] = Math.addExact(
                    Math.multiplyExact(r.measuredAt().getEpochSecond(), 1_000_000L),
                    r.measuredAt().getNano() / 1_000);
            amounts[i] = r.value();
            i++;
        }
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO usage_reading (" + COLUMNS + ")"
                + " SELECT t, u, e, p, TIMESTAMPTZ 'epoch' + m * INTERVAL '1 microsecond', a"
                + " FROM unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::uuid[], ?::int8[], ?::int8[]) AS x (t, u, e, p, m, a)"
                + " ORDER BY t, u, e, p, m"
                + " ON CONFLICT (" + KEY + ") DO UPDATE SET amount = EXCLUDED.amount")) {
            statement.setArray(1, connection.createArrayOf("uuid", tenants));
            statement.setArray(2, connection.createArrayOf("varchar", names));
            statement.setArray(3, connection.createArrayOf("varchar", editions));
            statement.setArray(4, connection.createArrayOf("uuid", users));
            statement.setArray(5, connection.createArrayOf("int8", micros));
            statement.setArray(6, connection.createArrayOf("int8", amounts));
            statement.executeUpdate();
        }
    }

    /** H2: a batched MERGE, one row per set of parameters. */
    private static void upsertBatch(Connection connection, Collection<UsageReading> readings) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "MERGE INTO usage_reading (" + COLUMNS + ") KEY (" + KEY + ") VALUES (?, ?, ?, ?, ?, ?)")) {
            for (UsageReading r : readings) {
                statement.setObject(1, r.tenantId());
                statement.setString(2, r.usageName());
                statement.setString(3, edition(r));
                statement.setObject(4, user(r));
                statement.setObject(5, OffsetDateTime.ofInstant(r.measuredAt(), ZoneOffset.UTC));
                statement.setLong(6, r.value());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** Writes the series of these readings that this server has not seen stored yet. */
    private void registerSeries(Connection connection, boolean pg, Collection<UsageReading> readings)
            throws SQLException {
        Set<SeriesKey> fresh = new TreeSet<>(SeriesKey.ORDER);
        for (UsageReading r : readings) {
            SeriesKey key = new SeriesKey(r.tenantId(), r.usageName(), edition(r), user(r));
            if (!knownSeries.contains(key)) {
                fresh.add(key);
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                pg
                        ? "INSERT INTO usage_series (" + SERIES + ") VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING"
                        : "MERGE INTO usage_series (" + SERIES + ") KEY (" + SERIES + ") VALUES (?, ?, ?, ?)")) {
            for (SeriesKey key : fresh) {
                statement.setObject(1, key.tenantId());
                statement.setString(2, key.usageName());
                statement.setString(3, key.edition());
                statement.setObject(4, key.userId());
                statement.addBatch();
            }
            statement.executeBatch();
        }
        seriesStored.fire(new SeriesStored(fresh));
    }

    private boolean isPostgres(Connection connection) throws SQLException {
        Boolean pg = postgres;
        if (pg == null) {
            pg = Databases.isPostgres(connection);
            postgres = pg;
        }
        return pg;
    }

    private static String edition(UsageReading r) {
        return r.edition() == null ? NO_EDITION : r.edition();
    }

    private static UUID user(UsageReading r) {
        return r.userId() == null ? NO_USER : r.userId();
    }

    List<OfferingItem> offeringItems(UUID tenantId) {
        String sql = "SELECT name, usage_name, edition, measurement_unit, item_type, sku, status, quota_value,"
                + " quota_overage FROM offering_item WHERE tenant_id = ? ORDER BY usage_name, edition";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, tenantId);
            List<OfferingItem> items = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Long quotaValue = rows.getObject(8, Long.class);
                    Long quotaOverage = rows.getObject(9, Long.class);
                    items.add(new OfferingItem(
                            rows.getString(1),
                            rows.getString(2),
                            emptyToNull(rows.getString(3)),
                            rows.getString(4),
                            rows.getString(5),
                            rows.getString(6),
                            rows.getObject(7, Integer.class),
                            quotaValue == null && quotaOverage == null
                                    ? null
                                    : new OfferingItem.Quota(quotaValue, quotaOverage)));
                }
            }
            return items;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading offering items failed", e);
        }
    }

    void replaceOfferingItems(UUID tenantId, List<OfferingItem> items) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement delete =
                    connection.prepareStatement("DELETE FROM offering_item WHERE tenant_id = ?")) {
                delete.setObject(1, tenantId);
                delete.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO offering_item (tenant_id,"
                    + " usage_name, edition, name, measurement_unit, item_type, sku, status, quota_value,"
                    + " quota_overage) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (OfferingItem item : items) {
                    insert.setObject(1, tenantId);
                    insert.setString(2, item.usageName());
                    insert.setString(3, item.edition() == null ? NO_EDITION : item.edition());
                    insert.setString(4, item.name());
                    insert.setString(5, item.measurementUnit());
                    insert.setString(6, item.type());
                    insert.setString(7, item.sku());
                    insert.setObject(8, item.status(), Types.INTEGER);
                    insert.setObject(
                            9, item.quota() == null ? null : item.quota().value(), Types.BIGINT);
                    insert.setObject(
                            10, item.quota() == null ? null : item.quota().overage(), Types.BIGINT);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Storing offering items failed", e);
        }
    }

    /**
     * Current values: the latest amount ({@code amount}) of each series (tenant, usage, edition,
     * user) of the subtree, found by the query put in place of {@code %s}, summed by usage name
     * and edition. A series without a reading at or before the instant has a NULL amount and
     * counts for nothing.
     * Parameters: tenant, instant, path pattern, tenant.
     */
    private static final String CURRENT_VALUES_SQL = "SELECT v.usage_name, v.edition, v.own, v.absolute,"
            + " o.measurement_unit, o.item_type"
            + " FROM (SELECT s.usage_name, s.edition,"
            + "         SUM(CASE WHEN s.tenant_id = ? THEN s.amount ELSE 0 END) AS own, SUM(s.amount) AS absolute"
            + "       FROM (%s) s"
            + "       GROUP BY s.usage_name, s.edition HAVING COUNT(s.amount) > 0) v"
            + " LEFT JOIN offering_item o ON o.tenant_id = ? AND o.usage_name = v.usage_name AND o.edition = v.edition"
            + " ORDER BY v.usage_name, v.edition";

    /**
     * PostgreSQL: one backward seek in the readings' key per registered series, so the cost
     * follows the number of series, not their history (the benchmark provider's 200,000 series
     * and 6.2 million readings: 4 s, where the window below took 17 s).
     */
    private static final String LATEST_BY_SEEK = "SELECT r.tenant_id, r.usage_name, r.edition,"
            + " (SELECT y.amount FROM usage_reading y WHERE y.tenant_id = r.tenant_id AND y.usage_name = r.usage_name"
            + "  AND y.edition = r.edition AND y.user_id = r.user_id AND y.measured_at <= ?"
            + "  ORDER BY y.measured_at DESC LIMIT 1) AS amount"
            + " FROM tenant t JOIN usage_series r ON r.tenant_id = t.id WHERE t.path LIKE ?";

    /**
     * H2, which runs correlated subqueries as scans: one pass over the subtree's readings, a
     * window numbering each series' readings newest first (no join back, which H2 plans poorly).
     */
    private static final String LATEST_BY_WINDOW = "SELECT n.tenant_id, n.usage_name, n.edition, n.amount"
            + " FROM (SELECT x.tenant_id, x.usage_name, x.edition, x.amount, ROW_NUMBER() OVER ("
            + "         PARTITION BY x.tenant_id, x.usage_name, x.edition, x.user_id ORDER BY x.measured_at DESC) AS newest"
            + "       FROM tenant t JOIN usage_reading x ON x.tenant_id = t.id WHERE x.measured_at <= ? AND t.path LIKE ?) n"
            + " WHERE n.newest = 1";

    private static final String CURRENT_VALUES_BY_SEEK = String.format(CURRENT_VALUES_SQL, LATEST_BY_SEEK);
    private static final String CURRENT_VALUES_BY_WINDOW = String.format(CURRENT_VALUES_SQL, LATEST_BY_WINDOW);

    /** One usage name and edition of a tenant's subtree at an instant. */
    record CurrentValue(String usageName, String edition, long own, long absolute, String unit, String type) {}

    /**
     * The value at {@code at} of every usage name and edition found in the subtree at
     * {@code path}: the latest reading at or before {@code at} of each (tenant, usage, edition,
     * user), summed for the tenant itself ({@code own}) and over the subtree ({@code absolute}).
     * Unit and type come from the tenant's own offering item, if any.
     */
    List<CurrentValue> currentValues(UUID tenantId, String path, OffsetDateTime at) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        isPostgres(connection) ? CURRENT_VALUES_BY_SEEK : CURRENT_VALUES_BY_WINDOW)) {
            statement.setObject(1, tenantId);
            statement.setObject(2, at);
            statement.setString(3, path + "%");
            statement.setObject(4, tenantId);
            List<CurrentValue> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(new CurrentValue(
                            rows.getString(1),
                            rows.getString(2),
                            rows.getLong(3),
                            rows.getLong(4),
                            rows.getString(5),
                            rows.getString(6)));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading current usage failed", e);
        }
    }

    static String emptyToNull(String edition) {
        return edition == null || edition.isEmpty() ? null : edition;
    }
}
