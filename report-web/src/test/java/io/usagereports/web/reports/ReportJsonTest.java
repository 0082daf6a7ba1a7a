package io.usagereports.web.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usagereports.model.reports.Report;
import io.usagereports.model.reports.ReportFormat;
import io.usagereports.model.reports.ReportKind;
import io.usagereports.model.reports.ReportUpdate;
import io.usagereports.model.reports.ResultAction;
import io.usagereports.service.common.ServiceException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReportJsonTest {

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text.replace('\'', '"'))).readObject();
    }

    private static void rejectsNew(String body, String code, String field, String messagePart) {
        assertThatThrownBy(() -> ReportJson.readNew(json(body))).isInstanceOfSatisfying(ServiceException.class, e -> {
            assertThat(e.kind()).isEqualTo(ServiceException.Kind.INVALID_REQUEST);
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.domain()).isEqualTo("Reports");
            assertThat(e.getMessage()).contains(messagePart);
        });
    }

    @Test
    void readsTheSeedRequest() {
        Report report = ReportJson.readNew(json("{'recipients':['ca451758-b48a-45d9-9ae6-8f1059f67619',"
                + "'ab00e527-219b-481b-b01b-311b5be0ed3c'],'parameters':{'kind':'usage_summary',"
                + "'tenant_id':'ede9f834-70b3-476c-83d9-736f9f8c7dae','level':'accounts',"
                + "'period':{'start':'2017-05-01','end':'2017-05-07'},'formats':['csv','html']},"
                + "'schedule':{'type':'once'},'generation_date':'2017-05-08','result_action':'send'}"));

        assertThat(report.resultAction()).isEqualTo(ResultAction.SEND);
        assertThat(report.recipients())
                .containsExactly(
                        UUID.fromString("ca451758-b48a-45d9-9ae6-8f1059f67619"),
                        UUID.fromString("ab00e527-219b-481b-b01b-311b5be0ed3c"));
        assertThat(report.parameters().formats()).containsExactly(ReportFormat.CSV, ReportFormat.HTML);
        assertThat(report.parameters().period().end()).isEqualTo(LocalDate.parse("2017-05-07"));
        assertThat(report.generationDate()).isEqualTo(LocalDate.parse("2017-05-08"));
        assertThat(report.schedule().enabled()).isNull();
    }

    @Test
    void acceptsBooleanStringsAndTreatsNullAsAbsent() {
        Report report = ReportJson.readNew(json("{'result_action':'save','recipients':null,"
                + "'parameters':{'hide_zero_usage':'true','show_skus':'false'},'schedule':{'enabled':'false'}}"));

        assertThat(report.parameters().hideZeroUsage()).isTrue();
        assertThat(report.parameters().showSkus()).isFalse();
        assertThat(report.schedule().enabled()).isFalse();
        assertThat(report.recipients()).isNull();
    }

    @Test
    void refusesUnknownFieldsAtEveryDepth() {
        rejectsNew("{'result_action':'save','colour':'red'}", "unknown_field", "colour", "colour");
        rejectsNew("{'parameters':{'tenant':'x'}}", "unknown_field", "parameters.tenant", "parameters.tenant");
        rejectsNew(
                "{'parameters':{'period':{'start':'2017-05-01','stop':'2017-05-02'}}}",
                "unknown_field",
                "parameters.period.stop",
                "stop");
        rejectsNew("{'schedule':{'type':'once','every':'day'}}", "unknown_field", "schedule.every", "every");
    }

    @Test
    void refusesWrongJsonTypes() {
        rejectsNew("{'parameters':'accounts'}", "invalid_type", "parameters", "must be an object");
        rejectsNew("{'recipients':'ca451758-b48a-45d9-9ae6-8f1059f67619'}", "invalid_type", "recipients", "array");
        rejectsNew("{'recipients':[42]}", "invalid_type", "recipients[0]", "string");
        rejectsNew("{'result_action':1}", "invalid_type", "result_action", "string");
        rejectsNew("{'parameters':{'show_skus':'yes'}}", "invalid_type", "parameters.show_skus", "boolean");
        rejectsNew("{'parameters':{'hide_zero_usage':1}}", "invalid_type", "parameters.hide_zero_usage", "boolean");
    }

    @Test
    void refusesBadValuesNamingTheAllowedOnes() {
        rejectsNew(
                "{'parameters':{'kind':'usage_weekly'}}",
                "invalid_value",
                "parameters.kind",
                "usage_current, usage_summary, usage_daily, usage_breakdown");
        rejectsNew(
                "{'parameters':{'formats':['csv','pdf']}}",
                "invalid_value",
                "parameters.formats[1]",
                "csv, html, json_v1, csv_v2_0, json_v2_0");
        rejectsNew("{'schedule':{'type':'hourly'}}", "invalid_value", "schedule.type", "once, monthly, daily, weekly");
        rejectsNew(
                "{'schedule':{'day_of_week':'mon'}}",
                "invalid_value",
                "schedule.day_of_week",
                "monday, tuesday, wednesday, thursday, friday, saturday, sunday");
        rejectsNew("{'schedule':{'time':'6:00'}}", "invalid_value", "schedule.time", "HH:MM");
        rejectsNew("{'schedule':{'time':'24:00'}}", "invalid_value", "schedule.time", "HH:MM");
        rejectsNew("{'schedule':{'day_of_month':'2'}}", "invalid_type", "schedule.day_of_month", "integer");
        rejectsNew("{'next_run_at':'2026-12-01T00:00:00+00:00'}", "read_only_field", "next_run_at", "server");
        rejectsNew(
                "{'parameters':{'level':'everyone'}}",
                "invalid_value",
                "parameters.level",
                "itself, direct_partners, all_partners, all_customers, accounts");
        rejectsNew(
                "{'parameters':{'period':{'start':'2017-02-30'}}}",
                "invalid_value",
                "parameters.period.start",
                "YYYY-MM-DD");
        rejectsNew("{'generation_date':'08.05.2017'}", "invalid_value", "generation_date", "YYYY-MM-DD");
        rejectsNew("{'parameters':{'tenant_id':'not-a-uuid'}}", "invalid_value", "parameters.tenant_id", "UUID");
        rejectsNew("{'recipients':['ca451758b48a45d98ae68f1059f67619']}", "invalid_value", "recipients[0]", "UUID");
    }

    @Test
    void refusesFieldsTheServerAssigns() {
        rejectsNew("{'id':'ca451758-b48a-45d9-9ae6-8f1059f67619'}", "read_only_field", "id", "assigned by the server");
        rejectsNew("{'version':1}", "read_only_field", "version", "assigned by the server");
    }

    @Test
    void readsAPartialUpdate() {
        ReportUpdate update = ReportJson.readUpdate(json("{'parameters':{'kind':'usage_daily','show_skus':'true'}}"));

        assertThat(update.parameters().kind()).isEqualTo(ReportKind.USAGE_DAILY);
        assertThat(update.parameters().showSkus()).isTrue();
        assertThat(update.parameters().level()).isNull();
        assertThat(update.recipients()).isNull();
        assertThat(update.schedule()).isNull();
    }

    @Test
    void anUpdateRefusesEveryFieldItCannotChangeEvenUnchanged() {
        for (String body : new String[] {
            "{'result_action':'save'}",
            "{'generation_date':null}",
            "{'version':2}",
            "{'id':'ca451758-b48a-45d9-9ae6-8f1059f67619'}",
            "{'parameters':{'tenant_id':null}}",
            "{'parameters':{'formats':['csv']}}",
            "{'parameters':{'period':null}}",
            "{'schedule':{'type':'monthly'}}"
        }) {
            assertThatThrownBy(() -> ReportJson.readUpdate(json(body)))
                    .as(body)
                    .isInstanceOfSatisfying(
                            ServiceException.class, e -> assertThat(e.code()).isEqualTo("field_not_updatable"));
        }
        assertThatThrownBy(() -> ReportJson.readUpdate(json("{'schedule':{'enabled':true,'at':'noon'}}")))
                .isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.code()).isEqualTo("unknown_field");
                    assertThat(e.field()).isEqualTo("schedule.at");
                });
    }
}
