package io.usagereports.service.schedule;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.LocalTime;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The server's {@link ScheduleDefaults}, from {@code reports.monthly.day} and {@code reports.monthly.time}. */
@ApplicationScoped
class ScheduleDefaultsProducer {

    @Inject
    @ConfigProperty(name = "reports.monthly.day", defaultValue = "1")
    int monthlyDay;

    @Inject
    @ConfigProperty(name = "reports.monthly.time", defaultValue = "00:00")
    LocalTime monthlyTime;

    @Produces
    @Singleton
    ScheduleDefaults defaults() {
        return new ScheduleDefaults(monthlyDay, monthlyTime);
    }
}
