package io.usagereports.service.delivery;

import io.usagereports.model.directory.User;
import io.usagereports.model.reports.Report;
import io.usagereports.service.runs.SavedRun;
import java.util.Optional;

/**
 * Everything one attempt needs to send a delivery, read when it is sent: the report and its
 * tenant's name as they are now, the recipient as it is now (empty if the user was deleted),
 * and the run's outputs.
 */
record DeliveryJob(DeliveryRow delivery, Report report, String tenantName, Optional<User> recipient, SavedRun run) {}
