package io.usagereports.service.delivery;

import java.util.List;
import java.util.UUID;

/** New deliveries are due now; once their transaction commits, workers of this server try to send them. */
record DeliveriesQueued(List<UUID> ids) {}
