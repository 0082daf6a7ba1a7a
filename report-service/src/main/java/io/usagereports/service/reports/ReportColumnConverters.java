package io.usagereports.service.reports;

import io.usagereports.model.common.WireEnum;
import io.usagereports.model.reports.ReportFormat;
import io.usagereports.model.reports.ReportKind;
import io.usagereports.model.reports.ReportLevel;
import io.usagereports.model.reports.ResultAction;
import io.usagereports.model.reports.ScheduleType;
import io.usagereports.service.persistence.WireEnumConverter;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** The column converters of {@link ReportEntity}. */
public final class ReportColumnConverters {

    private ReportColumnConverters() {}

    @Converter
    public static final class ResultActionConverter extends WireEnumConverter<ResultAction> {
        public ResultActionConverter() {
            super(ResultAction.class);
        }
    }

    @Converter
    public static final class LevelConverter extends WireEnumConverter<ReportLevel> {
        public LevelConverter() {
            super(ReportLevel.class);
        }
    }

    @Converter
    public static final class KindConverter extends WireEnumConverter<ReportKind> {
        public KindConverter() {
            super(ReportKind.class);
        }
    }

    @Converter
    public static final class ScheduleTypeConverter extends WireEnumConverter<ScheduleType> {
        public ScheduleTypeConverter() {
            super(ScheduleType.class);
        }
    }

    /** An ordered list of formats as comma-separated wire names ({@code csv,html}). */
    @Converter
    public static final class FormatsConverter implements AttributeConverter<List<ReportFormat>, String> {
        @Override
        public String convertToDatabaseColumn(List<ReportFormat> formats) {
            return formats.stream().map(ReportFormat::wire).collect(Collectors.joining(","));
        }

        @Override
        public List<ReportFormat> convertToEntityAttribute(String column) {
            return split(column).stream()
                    .map(wire -> WireEnum.parse(ReportFormat.class, wire)
                            .orElseThrow(() -> new IllegalStateException("Unknown format in database: " + wire)))
                    .toList();
        }
    }

    /**
     * An ordered list of user IDs, comma separated. Order matters (the API keeps the client's
     * order), and the list is bounded by {@link ReportRules#MAX_RECIPIENTS}.
     */
    @Converter
    public static final class UuidListConverter implements AttributeConverter<List<UUID>, String> {
        @Override
        public String convertToDatabaseColumn(List<UUID> ids) {
            return ids.stream().map(UUID::toString).collect(Collectors.joining(","));
        }

        @Override
        public List<UUID> convertToEntityAttribute(String column) {
            return split(column).stream().map(UUID::fromString).toList();
        }
    }

    private static List<String> split(String column) {
        return column == null || column.isEmpty() ? List.of() : Arrays.asList(column.split(","));
    }
}
