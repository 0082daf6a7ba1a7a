/**
 * E-mail delivery of {@code send} runs (docs/api.md §5.1). Owns {@code report_delivery}:
 * deliveries are created in the transaction that saves their run, claimed like runs, sent by
 * {@code DeliveryWorker} through SMTP or into the outbox, and resent by {@code
 * DeliveryService}. Reads runs, reports and users only through those features' public beans.
 */
package io.usagereports.service.delivery;
