package io.usagereports.service.generation;

import io.usagereports.model.directory.TenantKind;
import io.usagereports.model.reports.ReportLevel;
import io.usagereports.service.directory.TreeTenant;
import io.usagereports.service.directory.TreeUser;
import io.usagereports.service.generation.format.ReportRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The rows of a report and which tenants' readings roll up into each (docs/api.md §6 "Rows"), computed
 * from the subject's subtree. Rows come depth-first through the tree, siblings by name (as of
 * the period) then ID, each tenant's user rows right after it, by login.
 *
 * <p>Holds one small record per tenant of the subtree: the tree is needed to order the rows;
 * the report's lines themselves are never held.
 */
public final class RowPlan {

    /** The user ID of a member that stands for all of its tenant's readings. */
    public static final UUID ALL_USERS = new UUID(0, 0);

    /**
     * Readings of {@code tenantId} (only of {@code userId}, unless {@link #ALL_USERS}) count in
     * row {@code rowNo}; {@code depth} is the tenant's distance below the row's tenant.
     */
    public record Member(int rowNo, int depth, UUID tenantId, UUID userId) {}

    private static final Comparator<TreeTenant> SIBLING_ORDER =
            Comparator.comparing(TreeTenant::name).thenComparing(TreeTenant::id);

    private final List<ReportRow> rows = new ArrayList<>();
    private final List<Member> members = new ArrayList<>();

    private RowPlan() {}

    public List<ReportRow> rows() {
        return rows;
    }

    public List<Member> members() {
        return members;
    }

    /**
     * @param tenants the subject and every tenant below it
     * @param users   for level {@code accounts}: users with readings of their own, by tenant
     */
    public static RowPlan of(
            UUID subjectId, ReportLevel level, List<TreeTenant> tenants, Map<UUID, List<TreeUser>> users) {
        Map<UUID, List<TreeTenant>> children = new HashMap<>();
        TreeTenant subject = null;
        for (TreeTenant t : tenants) {
            if (t.id().equals(subjectId)) {
                subject = t;
            } else {
                children.computeIfAbsent(t.parentId(), k -> new ArrayList<>()).add(t);
            }
        }
        if (subject == null) {
            throw new IllegalArgumentException("The subject " + subjectId + " is not among the tenants");
        }
        children.values().forEach(list -> list.sort(SIBLING_ORDER));
        RowPlan plan = new RowPlan();
        if (level == ReportLevel.ITSELF) {
            plan.addTenantRow(subject, children);
        } else {
            plan.walk(subject, level, true, children, users);
        }
        return plan;
    }

    /** Adds the rows of the tenants below {@code tenant} in depth-first order. */
    private void walk(
            TreeTenant tenant,
            ReportLevel level,
            boolean throughFoldersOnly,
            Map<UUID, List<TreeTenant>> children,
            Map<UUID, List<TreeUser>> users) {
        for (TreeTenant child : children.getOrDefault(tenant.id(), List.of())) {
            boolean row = isRow(child, level, throughFoldersOnly);
            if (row) {
                addTenantRow(child, children);
                if (level == ReportLevel.ACCOUNTS) {
                    for (TreeUser user : users.getOrDefault(child.id(), List.of())) {
                        rows.add(new ReportRow(
                                rows.size(),
                                child.id(),
                                child.name(),
                                child.kind(),
                                child.parentId(),
                                user.id(),
                                user.login()));
                        members.add(new Member(rows.size() - 1, 0, child.id(), user.id()));
                    }
                }
            }
            // direct_partners stops at the first partner or customer on each branch.
            boolean stillDirect = throughFoldersOnly && child.kind() == TenantKind.FOLDER;
            if (level != ReportLevel.DIRECT_PARTNERS || stillDirect) {
                walk(child, level, stillDirect, children, users);
            }
        }
    }

    private static boolean isRow(TreeTenant t, ReportLevel level, boolean throughFoldersOnly) {
        boolean partner = t.kind() == TenantKind.PARTNER;
        boolean customer = t.kind() == TenantKind.CUSTOMER;
        return switch (level) {
            case DIRECT_PARTNERS -> throughFoldersOnly && (partner || customer);
            case ALL_CUSTOMERS, ACCOUNTS -> partner || customer;
            case ALL_PARTNERS -> partner;
            case ITSELF -> false;
        };
    }

    /** A tenant row: every tenant of its subtree (itself included) rolls up into it. */
    private void addTenantRow(TreeTenant tenant, Map<UUID, List<TreeTenant>> children) {
        int rowNo = rows.size();
        rows.add(new ReportRow(rowNo, tenant.id(), tenant.name(), tenant.kind(), tenant.parentId(), null, null));
        addMembers(rowNo, 0, tenant, children);
    }

    private void addMembers(int rowNo, int depth, TreeTenant tenant, Map<UUID, List<TreeTenant>> children) {
        members.add(new Member(rowNo, depth, tenant.id(), ALL_USERS));
        for (TreeTenant child : children.getOrDefault(tenant.id(), List.of())) {
            addMembers(rowNo, depth + 1, child, children);
        }
    }
}
