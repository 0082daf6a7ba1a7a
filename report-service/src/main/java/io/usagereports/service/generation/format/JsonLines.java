package io.usagereports.service.generation.format;

import jakarta.json.stream.JsonGenerator;

/** The fields of a report line both JSON formats share: its date and the kind's values, those that apply. */
final class JsonLines {

    private JsonLines() {}

    static void writeValues(JsonGenerator json, ReportLine line) {
        if (line.date() != null) {
            json.write("date", line.date().toString());
        }
        write(json, "value", line.value());
        write(json, "start_value", line.startValue());
        write(json, "end_value", line.endValue());
        write(json, "delta", line.delta());
        write(json, "change", line.change());
    }

    private static void write(JsonGenerator json, String name, Long value) {
        if (value != null) {
            json.write(name, value.longValue());
        }
    }
}
