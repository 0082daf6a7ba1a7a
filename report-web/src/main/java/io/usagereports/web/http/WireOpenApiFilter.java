package io.usagereports.web.http;

import io.usagereports.model.common.WireEnum;
import io.usagereports.model.directory.Role;
import io.usagereports.model.directory.TenantKind;
import io.usagereports.model.reports.ReportFormat;
import io.usagereports.model.reports.ReportKind;
import io.usagereports.model.reports.ReportLevel;
import io.usagereports.model.reports.ResultAction;
import io.usagereports.model.reports.ScheduleType;
import io.usagereports.model.reports.Weekday;
import io.usagereports.model.runs.DeliveryStatus;
import io.usagereports.model.runs.DeliveryTransport;
import io.usagereports.model.runs.RunStatus;
import io.usagereports.model.runs.RunTrigger;
import io.usagereports.model.runs.StoredStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Makes the OpenAPI document at {@code /openapi} say what the wire carries, so that a client
 * generated from it works (registered as {@code mp.openapi.filter} in
 * META-INF/microprofile-config.properties). The runtime describes the Java types; this filter
 * corrects what JSON-B's settings ({@code WireJson}) change on the way out:
 *
 * <ul>
 *   <li>enumerations list their wire names ({@code usage_summary}), not the Java constants
 *       ({@code USAGE_SUMMARY}): see {@link #WIRE_ENUMS};
 *   <li>a time of day is {@code HH:MM} ({@code 06:00}), not RFC 3339's partial-time;
 *   <li>every ID in a path is a UUID;
 *   <li>every 4xx and 5xx answer is {@code application/json} in the one error shape, the
 *       {@code default} response of every operation (docs/api.md §1);
 *   <li>the download of a stored report is a file ({@code application/octet-stream});
 *   <li>authentication: a bearer token everywhere, HTTP Basic (the client's ID and secret) at
 *       the token endpoint, and a user's login and password also where the API allows them;
 *   <li>the token endpoint's form has one field, {@code grant_type=client_credentials}.
 * </ul>
 *
 * report-model stays free of OpenAPI annotations (it is what report-client users get): the
 * corrections live here.
 */
public class WireOpenApiFilter implements OASFilter {

    /**
     * Every enumeration of the wire (each implements {@link WireEnum}). {@code
     * WireOpenApiFilterTest} fails when report-model has one that is missing here.
     */
    static final List<Class<? extends Enum<?>>> WIRE_ENUMS = List.of(
            Role.class,
            TenantKind.class,
            ReportFormat.class,
            ReportKind.class,
            ReportLevel.class,
            ResultAction.class,
            ScheduleType.class,
            Weekday.class,
            DeliveryStatus.class,
            DeliveryTransport.class,
            RunStatus.class,
            RunTrigger.class,
            StoredStatus.class);

    /** For each enumeration, by the set of its Java constant names: constant name to wire name. */
    private static final Map<Set<String>, Map<String, String>> WIRE_NAMES = wireNames();

    static final String ERROR_SCHEMA = "#/components/schemas/ApiError";
    static final String TIME_OF_DAY = "^([01][0-9]|2[0-3]):[0-5][0-9]$";
    static final String BEARER = "bearer";
    static final String BASIC = "basic";

    /** Operations (method and path under /api/2) that also take HTTP Basic, as their resources allow. */
    private static final Set<String> BASIC_TOO = Set.of("GET /users/me", "POST /clients");

    /** The one operation that takes HTTP Basic only: the API client's ID and secret. */
    private static final String TOKEN = "POST /idp/token";

    private static final String DOWNLOAD = "GET /reports/{id}/stored/{stored_id}";

    @Override
    public Schema filterSchema(Schema schema) {
        List<Object> values = schema.getEnumeration();
        if (values != null && !values.isEmpty()) {
            Map<String, String> wire =
                    WIRE_NAMES.get(values.stream().map(String::valueOf).collect(Collectors.toSet()));
            if (wire != null) {
                schema.setEnumeration(values.stream()
                        .map(value -> (Object) wire.get(String.valueOf(value)))
                        .toList());
            }
        }
        if ("local-time".equals(schema.getFormat())) {
            schema.setFormat(null);
            schema.setPattern(TIME_OF_DAY);
            schema.setExamples(List.of("06:00"));
            schema.setExternalDocs(null);
            if (schema.getDescription() == null) {
                schema.setDescription("A time of day, HH:MM (24-hour), in the schedule's time zone.");
            }
        }
        return schema;
    }

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getComponents() == null) {
            api.setComponents(OASFactory.createComponents());
        }
        api.getComponents()
                .addSecurityScheme(
                        BEARER,
                        OASFactory.createSecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("bearer")
                                .bearerFormat("JWT")
                                .description("A token from POST /api/2/idp/token."))
                .addSecurityScheme(
                        BASIC,
                        OASFactory.createSecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("basic")
                                .description("At the token endpoint the API client's ID and secret; elsewhere,"
                                        + " where allowed, a user's login and password."));
        api.setSecurity(new ArrayList<>(List.of(requirement(BEARER))));
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : api.getPaths().getPathItems().entrySet()) {
            String apiPath = path.getKey().replaceFirst("^/api/2(?=/)", "");
            for (Map.Entry<PathItem.HttpMethod, Operation> entry :
                    path.getValue().getOperations().entrySet()) {
                describe(entry.getKey() + " " + apiPath, entry.getValue());
            }
        }
    }

    private static void describe(String operationKey, Operation operation) {
        if (operationKey.equals(TOKEN)) {
            operation.setSecurity(new ArrayList<>(List.of(requirement(BASIC))));
            // The form's one field, as the endpoint reads it (the runtime only says "a map of strings").
            if (operation.getRequestBody() != null) {
                operation
                        .getRequestBody()
                        .setContent(OASFactory.createContent()
                                .addMediaType(
                                        "application/x-www-form-urlencoded",
                                        OASFactory.createMediaType()
                                                .schema(OASFactory.createSchema()
                                                        .addType(SchemaType.OBJECT)
                                                        .addProperty(
                                                                "grant_type",
                                                                OASFactory.createSchema()
                                                                        .addType(SchemaType.STRING)
                                                                        .addEnumeration("client_credentials"))
                                                        .addRequired("grant_type"))));
            }
        } else if (BASIC_TOO.contains(operationKey)) {
            operation.setSecurity(new ArrayList<>(List.of(requirement(BEARER), requirement(BASIC))));
        }
        if (operation.getParameters() != null) {
            for (Parameter parameter : operation.getParameters()) {
                Schema schema = parameter.getSchema();
                if (parameter.getIn() == Parameter.In.PATH
                        && schema != null
                        && schema.getRef() == null
                        && List.of(SchemaType.STRING).equals(schema.getType())
                        && schema.getFormat() == null) {
                    schema.setFormat("uuid");
                }
            }
        }
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        if (responses.getAPIResponses() != null) {
            for (Map.Entry<String, APIResponse> response :
                    responses.getAPIResponses().entrySet()) {
                if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                    response.getValue().setContent(errorContent());
                }
            }
        }
        if (responses.getDefaultValue() == null) {
            responses.setDefaultValue(OASFactory.createAPIResponse()
                    .description("Any other 4xx or 5xx answer, in the one error shape")
                    .content(errorContent()));
        }
        if (operationKey.equals(DOWNLOAD)) {
            APIResponse ok = responses.getAPIResponse("200");
            if (ok != null) {
                ok.setContent(OASFactory.createContent()
                        .addMediaType(
                                "application/octet-stream",
                                OASFactory.createMediaType()
                                        .schema(OASFactory.createSchema()
                                                .addType(SchemaType.STRING)
                                                .format("binary"))));
            }
        }
    }

    private static Content errorContent() {
        return OASFactory.createContent()
                .addMediaType(
                        "application/json",
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref(ERROR_SCHEMA)));
    }

    private static SecurityRequirement requirement(String scheme) {
        return OASFactory.createSecurityRequirement().addScheme(scheme);
    }

    private static Map<Set<String>, Map<String, String>> wireNames() {
        Map<Set<String>, Map<String, String>> names = new HashMap<>();
        for (Class<? extends Enum<?>> type : WIRE_ENUMS) {
            Map<String, String> wire = new LinkedHashMap<>();
            for (Enum<?> constant : type.getEnumConstants()) {
                wire.put(constant.name(), ((WireEnum) constant).wire());
            }
            Map<String, String> earlier = names.putIfAbsent(Set.copyOf(wire.keySet()), wire);
            if (earlier != null && !earlier.equals(wire)) {
                throw new IllegalStateException(
                        type.getName() + " has the constants of another enumeration but other wire names");
            }
        }
        return Map.copyOf(names);
    }
}
