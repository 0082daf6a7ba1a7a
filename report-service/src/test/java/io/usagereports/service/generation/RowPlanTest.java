package io.usagereports.service.generation;

import static org.assertj.core.api.Assertions.assertThat;

import io.usagereports.model.directory.TenantKind;
import io.usagereports.model.reports.ReportLevel;
import io.usagereports.service.directory.TreeTenant;
import io.usagereports.service.directory.TreeUser;
import io.usagereports.service.generation.RowPlan.Member;
import io.usagereports.service.generation.format.ReportRow;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RowPlanTest {

    //  P (subject, partner)
    //  ├── F folder "a-folder"
    //  │   ├── C2 customer "zeta"
    //  │   └── F2 folder "inner"
    //  │       └── P2 partner "deep"
    //  │           └── C3 customer "c3"
    //  └── C1 customer "alpha"
    //      └── U unit "unit"
    private final UUID p = id(1);
    private final UUID f = id(2);
    private final UUID c2 = id(3);
    private final UUID f2 = id(4);
    private final UUID p2 = id(5);
    private final UUID c3 = id(6);
    private final UUID c1 = id(7);
    private final UUID u = id(8);
    private final List<TreeTenant> tree = List.of(
            new TreeTenant(c3, p2, TenantKind.CUSTOMER, "c3"),
            new TreeTenant(p, null, TenantKind.PARTNER, "subject"),
            new TreeTenant(f, p, TenantKind.FOLDER, "a-folder"),
            new TreeTenant(c2, f, TenantKind.CUSTOMER, "zeta"),
            new TreeTenant(f2, f, TenantKind.FOLDER, "inner"),
            new TreeTenant(p2, f2, TenantKind.PARTNER, "deep"),
            new TreeTenant(c1, p, TenantKind.CUSTOMER, "alpha"),
            new TreeTenant(u, c1, TenantKind.UNIT, "unit"));

    @Test
    void allCustomersListsPartnersAndCustomersDepthFirstBySiblingName() {
        RowPlan plan = RowPlan.of(p, ReportLevel.ALL_CUSTOMERS, tree, Map.of());
        // P's children by name: "a-folder" (looked into: "inner" before "zeta"), then "alpha".
        assertThat(plan.rows()).extracting(ReportRow::tenantId).containsExactly(p2, c3, c2, c1);
    }

    @Test
    void directPartnersLooksThroughFoldersAndStopsAtTheFirstPartnerOrCustomer() {
        RowPlan plan = RowPlan.of(p, ReportLevel.DIRECT_PARTNERS, tree, Map.of());
        assertThat(plan.rows()).extracting(ReportRow::tenantId).containsExactly(p2, c2, c1);
    }

    @Test
    void allPartnersAndItself() {
        assertThat(RowPlan.of(p, ReportLevel.ALL_PARTNERS, tree, Map.of()).rows())
                .extracting(ReportRow::tenantId)
                .containsExactly(p2);
        RowPlan itself = RowPlan.of(p, ReportLevel.ITSELF, tree, Map.of());
        assertThat(itself.rows()).extracting(ReportRow::tenantId).containsExactly(p);
        // Every tenant of the subtree rolls up into the subject's row, with its depth below it.
        assertThat(itself.members())
                .extracting(Member::tenantId)
                .containsExactlyInAnyOrder(p, f, c2, f2, p2, c3, c1, u);
        assertThat(itself.members())
                .filteredOn(m -> m.tenantId().equals(c3))
                .extracting(Member::depth)
                .containsExactly(4);
    }

    @Test
    void eachTenantIsReadForItsNearestRowAndRowsAddUpIntoTheRowAboveThem() {
        RowPlan plan = RowPlan.of(p, ReportLevel.ALL_CUSTOMERS, tree, Map.of());
        // Rows p2, c3, c2, c1: c3 is a row of its own, read once, and added into p2's row.
        assertThat(plan.members())
                .containsExactly(
                        new Member(0, 0, p2, RowPlan.ALL_USERS),
                        new Member(1, 0, c3, RowPlan.ALL_USERS),
                        new Member(2, 0, c2, RowPlan.ALL_USERS),
                        new Member(3, 0, c1, RowPlan.ALL_USERS),
                        new Member(3, 1, u, RowPlan.ALL_USERS));
        assertThat(plan.parentRow(1)).isZero();
        assertThat(plan.depthBelowParent(1)).isEqualTo(1);
        assertThat(plan.subtreeEnd(0)).isEqualTo(1);
        assertThat(plan.parentRow(0)).as("the subject is not a row here").isEqualTo(-1);
        assertThat(plan.parentRow(2)).isEqualTo(-1);
    }

    @Test
    void directPartnersReadsEveryTenantBelowARowForThatRow() {
        RowPlan plan = RowPlan.of(p, ReportLevel.DIRECT_PARTNERS, tree, Map.of());
        assertThat(plan.members())
                .filteredOn(m -> m.rowNo() == 0)
                .extracting(Member::tenantId, Member::depth)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(p2, 0), org.assertj.core.groups.Tuple.tuple(c3, 1));
    }

    @Test
    void accountsPutsEachTenantsUsersRightAfterIt() {
        UUID bob = id(20);
        UUID ann = id(21);
        RowPlan plan = RowPlan.of(
                p,
                ReportLevel.ACCOUNTS,
                tree,
                Map.of(c1, List.of(new TreeUser(ann, c1, "ann"), new TreeUser(bob, c1, "bob"))));
        assertThat(plan.rows())
                .extracting(ReportRow::tenantId, ReportRow::userId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(p2, null), org.assertj.core.groups.Tuple.tuple(c3, null),
                        org.assertj.core.groups.Tuple.tuple(c2, null), org.assertj.core.groups.Tuple.tuple(c1, null),
                        org.assertj.core.groups.Tuple.tuple(c1, ann), org.assertj.core.groups.Tuple.tuple(c1, bob));
        assertThat(plan.members()).filteredOn(m -> m.rowNo() == 5).containsExactly(new Member(5, 0, c1, bob));
    }

    @Test
    void siblingsWithTheSameNameAreOrderedById() {
        List<TreeTenant> twins = List.of(
                new TreeTenant(p, null, TenantKind.PARTNER, "subject"),
                new TreeTenant(id(9), p, TenantKind.CUSTOMER, "same"),
                new TreeTenant(id(8), p, TenantKind.CUSTOMER, "same"));
        assertThat(RowPlan.of(p, ReportLevel.ALL_CUSTOMERS, twins, Map.of()).rows())
                .extracting(ReportRow::tenantId)
                .containsExactly(id(8), id(9));
    }

    private static UUID id(int n) {
        return new UUID(0x1000, n);
    }
}
