package io.usagereports.service.delivery;

import io.usagereports.model.reports.Report;
import io.usagereports.model.reports.ResultAction;
import io.usagereports.service.reports.ReportService;
import io.usagereports.service.runs.RunSaved;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Creates deliveries: one per recipient when a run of a {@code send} report is saved, in the
 * transaction that saves it (a transactional outbox: a saved run always has its deliveries, and
 * nothing is e-mailed before it is committed), and again when a run is resent.
 */
@ApplicationScoped
public class DeliveryCreation {

    @Inject
    DeliveryRepository repository;

    @Inject
    ReportService reports;

    @Inject
    MailSettings settings;

    @Inject
    Event<DeliveriesQueued> queued;

    /** A run was saved: a {@code send} report's current recipients each get a delivery. */
    void onRunSaved(@Observes RunSaved saved) {
        Optional<Report> report = reports.definition(saved.reportId());
        if (report.isEmpty() || report.get().resultAction() != ResultAction.SEND) {
            return;
        }
        create(saved.runId(), saved.reportId(), report.get().recipients(), false, saved.savedAt());
    }

    /**
     * Creates a delivery per recipient, due at {@code now}, in the caller's transaction. The first
     * deliveries of a run have a Message-ID made of the run and the recipient; a resent one adds
     * its own ID, so it is a new message.
     */
    List<DeliveryRow> create(UUID runId, UUID reportId, List<UUID> recipients, boolean resend, Instant at) {
        // Kept to the microsecond, the precision both databases store, so that "due at" compares as written.
        Instant now = at.truncatedTo(ChronoUnit.MICROS);
        int position = resend ? repository.nextPosition(runId) : 0;
        List<DeliveryRow> created = new ArrayList<>();
        for (UUID recipient : recipients) {
            UUID id = UUID.randomUUID();
            String local = runId + "." + recipient + (resend ? "." + id : "");
            created.add(DeliveryRow.pending(
                    id, runId, reportId, recipient, position++, "<" + local + "@" + settings.domain() + ">", now));
        }
        if (!created.isEmpty()) {
            repository.insert(created);
            queued.fire(
                    new DeliveriesQueued(created.stream().map(DeliveryRow::id).toList()));
        }
        return created;
    }
}
