package io.usagereports.service.generation.format;

import io.usagereports.model.common.Timestamps;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code json_v1}, for older tooling: a header object and one flat object per line, each
 * carrying its tenant (and user) so a line can be read on its own. Values raw, as in
 * {@code json_v2_0}; fields that do not apply are omitted.
 */
final class JsonV1Writer implements FormatWriter {

    private final ReportSpec spec;
    private final LocalDate[] dates;
    private final JsonGenerator json;

    JsonV1Writer(ReportSpec spec, OutputStream out) {
        this.spec = spec;
        this.dates = spec.dates();
        this.json = Json.createGenerator(out);
    }

    @Override
    public void begin() {
        json.writeStartObject();
        json.writeStartObject("report");
        json.write("tenant_id", spec.subjectId().toString());
        json.write("tenant_name", spec.subjectName());
        json.write("kind", spec.kind().wire());
        json.write("level", spec.level().wire());
        json.write("start_date", spec.periodStart().toString());
        json.write("end_date", spec.periodEnd().toString());
        json.write("generated_at", Timestamps.format(spec.generatedAt()));
        json.writeEnd();
        json.writeStartArray("lines");
    }

    @Override
    public void row(ReportRow row, List<RowUsage> usages) throws java.io.IOException {
        for (RowUsage usage : usages) {
            ReportLine.expand(spec.kind(), dates, usage.values(), line -> {
                json.writeStartObject();
                json.write("tenant_id", row.tenantId().toString());
                json.write("tenant_name", row.tenantName());
                json.write("tenant_kind", row.tenantKind().wire());
                if (row.isUserRow()) {
                    json.write("user_id", row.userId().toString());
                    json.write("user_login", row.userLogin());
                }
                json.write("usage_name", usage.usageName());
                if (!usage.edition().isEmpty()) {
                    json.write("edition", usage.edition());
                }
                json.write("measurement_unit", usage.unit());
                if (spec.showSkus() && usage.sku() != null) {
                    json.write("sku", usage.sku());
                }
                JsonLines.writeValues(json, line);
                json.writeEnd();
            });
        }
    }

    @Override
    public void end() {
        json.writeEnd();
        json.writeEnd();
        json.flush();
    }
}
