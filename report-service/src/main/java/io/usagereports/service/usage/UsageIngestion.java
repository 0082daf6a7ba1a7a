package io.usagereports.service.usage;

import static io.usagereports.model.common.ErrorCodes.INVALID_ROWS;

import io.usagereports.model.common.ErrorDomains;
import io.usagereports.model.usage.UsageReading;
import io.usagereports.service.common.ServiceException;
import io.usagereports.service.common.ServiceException.Kind;
import io.usagereports.service.directory.AccessGuard;
import io.usagereports.service.directory.DirectoryRepository;
import io.usagereports.service.directory.TenantEntity;
import io.usagereports.service.directory.UserEntity;
import io.usagereports.service.security.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /** Readings written per batched statement. */
    static final int CHUNK = 1000;
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

    /** Stores every row, or none if any is bad; returns how many rows were received. */
    public int ingest(Actor actor, Iterator<IndexedRow> rows) {
        guard.requireWriter(actor);
        Instant latest = clock.instant().plus(CLOCK_SKEW);
        Map<UUID, TenantEntity> tenants = new HashMap<>();
        Map<UUID, Optional<UUID>> userTenants = new HashMap<>();
        Map<List<Object>, UsageReading> chunk = new LinkedHashMap<>();
        List<IndexedRow.RowProblem> problems = new ArrayList<>();
        int bad = 0;
        int received = 0;
        while (rows.hasNext()) {
            IndexedRow row = rows.next();
            received++;
            IndexedRow.RowProblem problem = row.problem() != null
                    ? row.problem()
                    : check(actor, row.index(), row.reading(), latest, tenants, userTenants);
            if (problem != null) {
                bad++;
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
        if (bad > 0) {
            throw rejected(problems, bad);
        }
        if (!chunk.isEmpty()) {
            store.upsert(chunk.values());
        }
        return received;
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

    private static ServiceException rejected(List<IndexedRow.RowProblem> problems, int bad) {
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
        return new ServiceException(
                Kind.INVALID_REQUEST,
                ErrorDomains.USAGE,
                INVALID_ROWS,
                bad + " row(s) of the batch are not valid; nothing was stored. First: row " + first.index() + ", "
                        + first.message(),
                "items[" + first.index() + "]." + first.field(),
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
