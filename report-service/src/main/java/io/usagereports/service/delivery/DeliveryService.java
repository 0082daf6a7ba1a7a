package io.usagereports.service.delivery;

import static io.usagereports.model.common.ErrorCodes.GENERATION_FAILED;
import static io.usagereports.model.common.ErrorCodes.NOT_FOUND;
import static io.usagereports.model.common.ErrorCodes.NOT_READY;

import io.usagereports.model.common.ErrorDomains;
import io.usagereports.model.reports.Report;
import io.usagereports.model.runs.Delivery;
import io.usagereports.model.runs.RunStatus;
import io.usagereports.service.common.ServiceException;
import io.usagereports.service.common.ServiceException.Kind;
import io.usagereports.service.directory.DirectoryRepository;
import io.usagereports.service.directory.UserService;
import io.usagereports.service.reports.ReportRules;
import io.usagereports.service.reports.ReportService;
import io.usagereports.service.runs.RunOutputs;
import io.usagereports.service.runs.SavedRun;
import io.usagereports.service.security.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The use cases of deliveries: e-mailing a saved run again. One transaction per method. */
@ApplicationScoped
@Transactional
public class DeliveryService {

    @Inject
    ReportService reports;

    @Inject
    RunOutputs runs;

    @Inject
    UserService users;

    @Inject
    DirectoryRepository directory;

    @Inject
    DeliveryCreation creation;

    @Inject
    Clock clock;

    /**
     * E-mails the outputs of a saved run again, each as a new message with a new Message-ID, to
     * {@code recipients} (by default the report's current ones), each of whom must be a user of
     * the report's tenant or below it. 409 {@code not_ready} while the run is not saved.
     */
    public List<Delivery> resend(Actor actor, UUID reportId, UUID runId, List<UUID> recipients) {
        Report report = reports.lockedForRun(actor, reportId);
        SavedRun run = runs.run(report, runId)
                .orElseThrow(() -> new ServiceException(
                        Kind.NOT_FOUND,
                        ErrorDomains.REPORTS,
                        NOT_FOUND,
                        "Run " + runId + " does not exist for report " + reportId + ".",
                        null,
                        null,
                        Map.of("report_id", reportId.toString(), "run_id", runId.toString())));
        if (run.status() == RunStatus.FAILED) {
            throw new ServiceException(
                    Kind.CONFLICT,
                    ErrorDomains.REPORTS,
                    GENERATION_FAILED,
                    "Run " + runId + " failed: it has no outputs to send.",
                    null,
                    "Run the report again, then send that run.",
                    Map.of("run_id", runId.toString(), "status", run.status().wire()));
        }
        if (run.status() != RunStatus.SAVED) {
            throw new ServiceException(
                    Kind.CONFLICT,
                    ErrorDomains.REPORTS,
                    NOT_READY,
                    "Run " + runId + " is not saved yet.",
                    null,
                    "Poll GET /api/2/reports/" + reportId + "/runs until the run is saved.",
                    Map.of("run_id", runId.toString(), "status", run.status().wire()));
        }
        List<UUID> to = recipients == null ? report.recipients() : recipients;
        ReportRules.checkResendRecipients(to);
        users.requireUsersWithin(
                to, directory.tenant(report.parameters().tenantId()).orElseThrow(), "recipients");
        return creation.create(runId, reportId, to, true, clock.instant()).stream()
                .map(DeliveryRow::toWire)
                .toList();
    }
}
