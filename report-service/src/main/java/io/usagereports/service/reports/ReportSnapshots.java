package io.usagereports.service.reports;

import io.usagereports.model.json.WireJson;
import io.usagereports.model.reports.Report;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

/**
 * Turns a report into the JSON kept in its revision and back. The snapshot is the wire form,
 * so a revision shows the object exactly as the API showed it at that version, whatever
 * later migrations do to the report table.
 */
@ApplicationScoped
public class ReportSnapshots {

    private final Jsonb jsonb = JsonbBuilder.create(WireJson.config());

    String write(Report report) {
        return jsonb.toJson(report);
    }

    Report read(String snapshot) {
        return jsonb.fromJson(snapshot, Report.class);
    }

    @PreDestroy
    void close() {
        try {
            jsonb.close();
        } catch (Exception e) {
            // nothing is left to release at shutdown
        }
    }
}
