package io.usagereports.service.usage;

import static io.usagereports.model.common.ErrorCodes.INVALID_ROWS;
import static io.usagereports.model.common.ErrorCodes.UNKNOWN_FIELD;

import io.usagereports.model.common.ErrorDomains;
import io.usagereports.model.usage.UsageReading;
import io.usagereports.service.common.FreeText;
import io.usagereports.service.common.ServiceException;
import io.usagereports.service.common.ServiceException.Kind;
import io.usagereports.service.directory.AccessGuard;
import io.usagereports.service.directory.DirectoryRepository;
import io.usagereports.service.directory.TenantEntity;
import io.usagereports.service.directory.UserEntity;
import io.usagereports.service.security.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Takes in a batch of readings (docs/api.md §3), all or nothing, in one transaction: the rows are
 * checked and written in chunks as they stream in, so a batch of any allowed size needs little
 * memory; one bad row anywhere rolls the whole batch back, and the answer lists the bad rows by
 * index. A reading sent again is stored once: its key (tenant, usage, edition, user, instant)
 * lands on the same row, the latest value winning.
 */
@ApplicationScoped
@Transactional
public class UsageIngestion {

    /** Readings checked together (their tenants loaded at once) and written per statement. */
    static final int CHUNK = 5000;
    /** Bad rows listed in an answer; the count covers them all. */
    static final int MAX_REPORTED = 100;
    /** How far a reading may lie ahead of the server's clock. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    static final int MAX_USAGE_NAME = 128;
    static final int MAX_EDITION = 64;

    @Inject
    UsageRepository store;

    @Inject
    DirectoryRepository directory;

    @Inject
    AccessGuard guard;

    @Inject
    Clock clock;

    @Inject
    Event<IngestionMetrics.Ingested> ingested;

    /**
     * Stores every row, or none if any is bad; returns how many rows were received. The body is
     * read to its end whatever its rows hold: a tenant outside the actor's reach refuses the
     * batch (403) only once the whole body has proved well-formed, so a malformed body is always
     * answered as such (docs/api.md §1).
     */
    public int ingest(Actor actor, Iterator<IndexedRow> rows) {
        guard.requireWriter(actor);
        Instant latest = clock.instant().plus(CLOCK_SKEW);
        Map<UUID, TenantEntity> tenants = new HashMap<>();
        Map<UUID, Optional<UUID>> userTenants = new HashMap<>();
        Map<List<Object>, UsageReading> chunk = new LinkedHashMap<>();
        List<IndexedRow.RowProblem> problems = new ArrayList<>();
        int bad = 0;
        boolean onlyUnknownFields = true;
        int received = 0;
        ServiceException refused = null;
        List<IndexedRow> window = new ArrayList<>(CHUNK);
        while (rows.hasNext()) {
            window.clear();
            while (rows.hasNext() && window.size() < CHUNK) {
                window.add(rows.next());
            }
            if (refused == null && bad == 0) {
                preloadTenants(window, tenants);
            }
            for (IndexedRow row : window) {
                received++;
                if (refused != null) {
                    continue;
                }
                IndexedRow.RowProblem problem;
                try {
                    problem = row.problem() != null
                            ? row.problem()
                            : check(actor, row.index(), row.reading(), latest, tenants, userTenants);
                } catch (ServiceException e) {
                    refused = e;
                    continue;
                }
                if (problem != null) {
                    bad++;
                    onlyUnknownFields &= problem.unknownField();
                    if (problems.size() < MAX_REPORTED) {
                        problems.add(problem);
                    }
                    continue;
                }
                if (bad == 0) {
                    UsageReading r = truncated(row.reading());
                    chunk.put(
                            List.of(
                                    r.tenantId(),
                                    r.usageName(),
                                    r.edition() == null ? UsageRepository.NO_EDITION : r.edition(),
                                    r.userId() == null ? UsageRepository.NO_USER : r.userId(),
                                    r.measuredAt()),
                            r);
                    if (chunk.size() >= CHUNK) {
                        store.upsert(chunk.values());
                        chunk.clear();
                    }
                }
            }
        }
        if (refused != null) {
            throw refused;
        }
        if (bad > 0) {
            throw rejected(problems, bad, onlyUnknownFields);
        }
        if (!chunk.isEmpty()) {
            store.upsert(chunk.values());
        }
        ingested.fire(new IngestionMetrics.Ingested(received));
        return received;
    }

    /**
     * Loads the tenants a window of rows names that were not checked yet, with one query: a batch
     * names thousands of tenants, which one lookup each would spend most of its time on. Checking
     * each row then finds its tenant loaded.
     */
    private void preloadTenants(List<IndexedRow> window, Map<UUID, TenantEntity> checked) {
        Set<UUID> ids = new HashSet<>();
        for (IndexedRow row : window) {
            if (row.reading() != null
                    && row.reading().tenantId() != null
                    && !checked.containsKey(row.reading().tenantId())) {
                ids.add(row.reading().tenantId());
            }
        }
        directory.preloadTenants(ids);
    }

    /**
     * The problem with one reading, or {@code null}. A tenant outside the actor's reach is not
     * a bad row but a refused request (403), as docs/api.md §1 has it for any tenant a body names.
     */
    private IndexedRow.RowProblem check(
            Actor actor,
            int index,
            UsageReading r,
            Instant latest,
            Map<UUID, TenantEntity> tenants,
            Map<UUID, Optional<UUID>> userTenants) {
        if (r.tenantId() == null) {
            return new IndexedRow.RowProblem(index, "tenant_id", "tenant_id is required.");
        }
        TenantEntity tenant = tenants.computeIfAbsent(
                r.tenantId(), id -> guard.writableTenant(actor, id, "items[" + index + "].tenant_id"));
        if (r.usageName() == null || r.usageName().isBlank() || r.usageName().length() > MAX_USAGE_NAME) {
            return new IndexedRow.RowProblem(
                    index, "usage_name", "usage_name is required, 1 to " + MAX_USAGE_NAME + " characters.");
        }
        if (r.edition() != null && r.edition().length() > MAX_EDITION) {
            return new IndexedRow.RowProblem(index, "edition", "edition has at most " + MAX_EDITION + " characters.");
        }
        IndexedRow.RowProblem text = textProblem(index, "usage_name", r.usageName());
        if (text == null) {
            text = textProblem(index, "edition", r.edition());
        }
        if (text != null) {
            return text;
        }
        if (r.value() == null || r.value() < 0) {
            return new IndexedRow.RowProblem(index, "value", "value is required and must not be negative.");
        }
        if (r.measuredAt() == null) {
            return new IndexedRow.RowProblem(index, "measured_at", "measured_at is required.");
        }
        if (r.measuredAt().isAfter(latest)) {
            return new IndexedRow.RowProblem(index, "measured_at", "measured_at lies in the future.");
        }
        if (r.userId() != null) {
            Optional<UUID> userTenant = userTenants.computeIfAbsent(
                    r.userId(), id -> directory.user(id).map(UserEntity::tenantId));
            if (userTenant.isEmpty() || !userTenant.get().equals(tenant.id())) {
                return new IndexedRow.RowProblem(
                        index, "user_id", "User " + r.userId() + " is not a user of tenant " + tenant.id() + ".");
            }
        }
        return null;
    }

    /** Control characters or lone surrogates in a name ({@link FreeText}), or {@code null}. */
    private static IndexedRow.RowProblem textProblem(int index, String field, String value) {
        return FreeText.problem(value, field)
                .map(message -> new IndexedRow.RowProblem(index, field, message))
                .orElse(null);
    }

    /**
     * The answer to a batch with bad rows: {@code invalid_rows}, listing them. When the only
     * problem of every bad row is a field a reading does not have, the batch is refused as any
     * body naming an unknown field is, {@code unknown_field} naming the first
     * ({@code items[3].colour}), with the same list.
     */
    private static ServiceException rejected(List<IndexedRow.RowProblem> problems, int bad, boolean unknownFields) {
        List<Map<String, Object>> rows = problems.stream()
                .map(p -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("index", p.index());
                    row.put("field", p.field());
                    row.put("message", p.message());
                    return row;
                })
                .toList();
        IndexedRow.RowProblem first = problems.get(0);
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("rejected", bad);
        context.put("rows", rows);
        String field = "items[" + first.index() + "]"
                + (first.field() == null || first.field().isEmpty() ? "" : "." + first.field());
        if (unknownFields) {
            return new ServiceException(
                    Kind.INVALID_REQUEST,
                    ErrorDomains.USAGE,
                    UNKNOWN_FIELD,
                    "Unknown field " + field + (bad > 1 ? " (and in " + (bad - 1) + " more row(s))" : "")
                            + "; nothing was stored.",
                    field,
                    "Remove the fields listed in context.rows: a reading has tenant_id, usage_name, edition, "
                            + "user_id, value and measured_at.",
                    context);
        }
        return new ServiceException(
                Kind.INVALID_REQUEST,
                ErrorDomains.USAGE,
                INVALID_ROWS,
                bad + " row(s) of the batch are not valid; nothing was stored. First: row " + first.index() + ", "
                        + first.message(),
                field,
                "Correct the rows listed in context.rows and send the whole batch again.",
                context);
    }

    /** Timestamps are kept to the microsecond, the precision both databases store. */
    private static UsageReading truncated(UsageReading r) {
        return new UsageReading(
                r.tenantId(),
                r.usageName(),
                r.edition(),
                r.userId(),
                r.value(),
                r.measuredAt().truncatedTo(ChronoUnit.MICROS));
    }
}
