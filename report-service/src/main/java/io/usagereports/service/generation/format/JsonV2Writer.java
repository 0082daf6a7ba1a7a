package io.usagereports.service.generation.format;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code json_v2_0} (docs/api.md §6), exact: {@code {"params":{…},"tenants":[…]}}, one object per
 * tenant row; the usages of its user rows (level {@code accounts}) join the tenant's list with
 * their {@code user_id}. Fields that do not apply are omitted. Written compactly, streaming.
 */
final class JsonV2Writer implements FormatWriter {

    private final ReportSpec spec;
    private final LocalDate[] dates;
    private final JsonGenerator json;
    private boolean tenantOpen;

    JsonV2Writer(ReportSpec spec, OutputStream out) {
        this.spec = spec;
        this.dates = spec.dates();
        this.json = Json.createGenerator(out);
    }

    @Override
    public void begin() {
        json.writeStartObject();
        json.writeStartObject("params");
        json.write("kind", PlatformCodes.kind(spec.kind()));
        json.write("report_type", PlatformCodes.kind(spec.kind()));
        json.write("report_level", PlatformCodes.level(spec.level()));
        json.write("gen_date", spec.generatedAt().getEpochSecond());
        json.write("begin_date", unixSeconds(spec.periodStart()));
        json.write("end_date", unixSeconds(spec.periodEnd()));
        json.write("name", spec.subjectName());
        json.write("tenant_id", spec.subjectId().toString());
        json.write("kind_name", spec.kind().wire());
        json.write("level_name", spec.level().wire());
        json.writeEnd();
        json.writeStartArray("tenants");
    }

    @Override
    public void row(ReportRow row, List<RowUsage> usages) throws IOException {
        if (!row.isUserRow()) {
            closeTenant();
            json.writeStartObject();
            json.write("id", row.tenantId().toString());
            json.write("name", row.tenantName());
            json.write("kind", row.tenantKind().wire());
            if (row.parentId() == null) {
                json.writeNull("parent_id");
            } else {
                json.write("parent_id", row.parentId().toString());
            }
            json.writeStartArray("usages");
            tenantOpen = true;
        }
        for (RowUsage usage : usages) {
            ReportLine.expand(spec.kind(), dates, usage.values(), line -> {
                json.writeStartObject();
                json.write("usage_name", usage.usageName());
                json.write("edition", usage.edition());
                json.write("measurement_unit", usage.unit());
                if (spec.showSkus() && usage.sku() != null) {
                    json.write("sku", usage.sku());
                }
                if (row.isUserRow()) {
                    json.write("user_id", row.userId().toString());
                }
                JsonLines.writeValues(json, line);
                json.writeEnd();
            });
        }
    }

    @Override
    public void end() {
        closeTenant();
        json.writeEnd();
        json.writeEnd();
        json.flush();
    }

    private void closeTenant() {
        if (tenantOpen) {
            json.writeEnd();
            json.writeEnd();
            tenantOpen = false;
        }
    }

    /** 00:00 of {@code date} in the report's time zone, as UNIX seconds. */
    private long unixSeconds(LocalDate date) {
        return date.atStartOfDay(spec.zone()).toEpochSecond();
    }
}
