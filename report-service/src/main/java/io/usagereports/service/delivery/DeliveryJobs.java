package io.usagereports.service.delivery;

import io.usagereports.model.directory.User;
import io.usagereports.model.reports.Report;
import io.usagereports.model.runs.DeliveryStatus;
import io.usagereports.service.delivery.DeliveryRepository.Claim;
import io.usagereports.service.directory.DirectoryRepository;
import io.usagereports.service.directory.TenantEntity;
import io.usagereports.service.directory.UserEntity;
import io.usagereports.service.reports.ReportService;
import io.usagereports.service.runs.RunOutputs;
import io.usagereports.service.runs.SavedRun;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** Reads the job of a claimed delivery attempt, in a short transaction of its own. */
@ApplicationScoped
public class DeliveryJobs {

    @Inject
    DeliveryRepository repository;

    @Inject
    ReportService reports;

    @Inject
    DirectoryRepository directory;

    @Inject
    RunOutputs runs;

    /**
     * The job of the attempt, or empty if the delivery is gone (its report was deleted) or the
     * attempt no longer holds it.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<DeliveryJob> load(Claim claim) {
        Optional<DeliveryRow> delivery = repository
                .find(claim.id())
                .filter(d -> d.attempt() == claim.attempt() && d.status() == DeliveryStatus.PENDING);
        if (delivery.isEmpty()) {
            return Optional.empty();
        }
        DeliveryRow d = delivery.get();
        Optional<Report> report = reports.definition(d.reportId());
        if (report.isEmpty()) {
            return Optional.empty();
        }
        Report r = report.get();
        Optional<SavedRun> run = runs.run(r, d.runId());
        if (run.isEmpty()) {
            return Optional.empty();
        }
        String tenantName = directory
                .tenant(r.parameters().tenantId())
                .map(TenantEntity::name)
                .orElse(r.parameters().tenantId().toString());
        Optional<User> recipient = directory.user(d.recipient()).map(UserEntity::toUser);
        return Optional.of(new DeliveryJob(d, r, tenantName, recipient, run.get()));
    }
}
