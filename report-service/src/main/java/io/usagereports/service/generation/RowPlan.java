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
 * The rows of a report and which tenants' readings each row reads itself (docs/api.md §6 "Rows"),
 * computed from the subject's subtree. Rows come depth-first through the tree, siblings by name
 * (as of the period) then ID, each tenant's user rows right after it, by login.
 *
 * <p>Each tenant of the subtree is read once, for its <em>home row</em>: the nearest row at or
 * above it (itself if it is a row; folders and units are never rows). A row's values are its
 * home tenants' plus those of the tenant rows below it, which {@link RowAggregator} adds up as
 * they complete ({@link #parentRow}), instead of reading every reading again for each ancestor.
 * A user row (level {@code accounts}) reads its user's own series of its tenant; it adds into
 * no other row, as its tenant's row reads those series already.
 *
 * <p>Holds one small record per tenant of the subtree: the tree is needed to order the rows;
 * the report's lines themselves are never held here.
 */
public final class RowPlan {

    /** The user ID of a member that stands for all of its tenant's readings. */
    public static final UUID ALL_USERS = new UUID(0, 0);

    /**
     * Readings of {@code tenantId} (only of {@code userId}, unless {@link #ALL_USERS}) count in
     * row {@code rowNo}, its home row; {@code depth} is the tenant's distance below the row's tenant.
     */
    public record Member(int rowNo, int depth, UUID tenantId, UUID userId) {}

    private static final Comparator<TreeTenant> SIBLING_ORDER =
            Comparator.comparing(TreeTenant::name).thenComparing(TreeTenant::id);

    private final List<ReportRow> rows = new ArrayList<>();
    private final List<Member> members = new ArrayList<>();
    private final List<Integer> parentRows = new ArrayList<>();
    private final List<Integer> depthsBelowParent = new ArrayList<>();
    private final List<Integer> subtreeEnds = new ArrayList<>();

    private RowPlan() {}

    public List<ReportRow> rows() {
        return rows;
    }

    /** The rows' home tenants, by row, nearest first. */
    public List<Member> members() {
        return members;
    }

    /** The tenant row that row {@code rowNo}'s values add into, or -1 (a top row, or a user row). */
    public int parentRow(int rowNo) {
        return parentRows.get(rowNo);
    }

    /** How far below its {@link #parentRow}'s tenant the tenant of row {@code rowNo} is. */
    public int depthBelowParent(int rowNo) {
        return depthsBelowParent.get(rowNo);
    }

    /** The last row of row {@code rowNo}'s subtree (itself if none follows it there). */
    public int subtreeEnd(int rowNo) {
        return subtreeEnds.get(rowNo);
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
            int row = plan.addRow(subject, null, -1, 0);
            plan.members.add(new Member(row, 0, subject.id(), ALL_USERS));
            plan.walk(subject, 0, row, 0, level, false, children, users);
            plan.subtreeEnds.set(row, plan.rows.size() - 1);
        } else {
            plan.walk(subject, 0, -1, 0, level, true, children, users);
        }
        return plan;
    }

    /**
     * Adds the rows and home members of the tenants below {@code tenant} (at {@code depth} below
     * the subject), depth-first; {@code home} is the row they belong to unless they are rows
     * themselves (-1: none, above every row), at {@code homeDepth}.
     */
    private void walk(
            TreeTenant tenant,
            int depth,
            int home,
            int homeDepth,
            ReportLevel level,
            boolean throughFoldersOnly,
            Map<UUID, List<TreeTenant>> children,
            Map<UUID, List<TreeUser>> users) {
        for (TreeTenant child : children.getOrDefault(tenant.id(), List.of())) {
            int childDepth = depth + 1;
            // direct_partners stops at the first partner or customer on each branch.
            boolean stillDirect = throughFoldersOnly && child.kind() == TenantKind.FOLDER;
            if (isRow(child, level, throughFoldersOnly)) {
                int row = addRow(child, null, home, home < 0 ? 0 : childDepth - homeDepth);
                members.add(new Member(row, 0, child.id(), ALL_USERS));
                if (level == ReportLevel.ACCOUNTS) {
                    for (TreeUser user : users.getOrDefault(child.id(), List.of())) {
                        int userRow = addRow(child, user, -1, 0);
                        members.add(new Member(userRow, 0, child.id(), user.id()));
                    }
                }
                walk(child, childDepth, row, childDepth, level, stillDirect, children, users);
                subtreeEnds.set(row, rows.size() - 1);
            } else {
                if (home >= 0) {
                    members.add(new Member(home, childDepth - homeDepth, child.id(), ALL_USERS));
                }
                walk(child, childDepth, home, homeDepth, level, stillDirect, children, users);
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

    /** Adds a tenant row ({@code user} null) or a user row; its subtree ends with it until its walk says otherwise. */
    private int addRow(TreeTenant tenant, TreeUser user, int parentRow, int depthBelowParent) {
        int rowNo = rows.size();
        rows.add(new ReportRow(
                rowNo,
                tenant.id(),
                tenant.name(),
                tenant.kind(),
                tenant.parentId(),
                user == null ? null : user.id(),
                user == null ? null : user.login()));
        parentRows.add(parentRow);
        depthsBelowParent.add(depthBelowParent);
        subtreeEnds.add(rowNo);
        return rowNo;
    }
}
