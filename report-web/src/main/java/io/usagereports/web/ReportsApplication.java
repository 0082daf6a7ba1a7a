package io.usagereports.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The admin API, under {@code /api/2} like the platform it follows. */
@ApplicationPath("/api/2")
@OpenAPIDefinition(
        info =
                @Info(
                        title = "usage-reports",
                        version = "2",
                        description =
                                "Define, schedule, generate and deliver usage reports. Errors always have the shape "
                                        + "{\"error\":{\"code\",\"domain\",\"message\",\"details\":{\"info\",\"field\"},\"context\"}}."))
public class ReportsApplication extends Application {}
