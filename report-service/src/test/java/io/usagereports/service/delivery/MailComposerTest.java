package io.usagereports.service.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.usagereports.model.reports.ReportFormat;
import io.usagereports.model.reports.ReportKind;
import io.usagereports.model.reports.ReportLevel;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MailComposerTest {

    private static final UUID REPORT = UUID.fromString("20dffb36-d77b-45c6-b2fa-39276e98d5fc");
    private static final UUID RUN = UUID.fromString("0c5a3c9e-0d84-4b6b-9a39-2a1d2b0f7c11");
    private static final byte[] CSV = "tenant,usage\r\nAcme,storage\r\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] HTML = "<!DOCTYPE html><html><body>Acme</body></html>".getBytes(StandardCharsets.UTF_8);

    private final Session session = Session.getInstance(new Properties());

    private static MailSettings settings(long maxAttachmentBytes) {
        return MailSettings.of(
                Optional.empty(),
                Optional.empty(),
                "starttls",
                Optional.empty(),
                Optional.empty(),
                "Usage Reports <reports@example.com>",
                maxAttachmentBytes,
                "https://reports.example.com/",
                60,
                8,
                Path.of("/tmp/data"));
    }

    private static ReportMail mail(ReportKind kind, String greeting, AtomicInteger opened) throws Exception {
        return new ReportMail(
                "<run.recipient@example.com>",
                new InternetAddress("alice@example.com", "Alice Smith"),
                greeting,
                kind,
                ReportLevel.ACCOUNTS,
                "Acme <Storage> & Co",
                LocalDate.parse("2017-05-01"),
                LocalDate.parse("2017-05-07"),
                REPORT,
                RUN,
                List.of(
                        new ReportMail.File(
                                UUID.fromString("11111111-1111-1111-1111-111111111111"),
                                ReportFormat.CSV,
                                "usage_summary_2017-05-01_2017-05-07.csv",
                                CSV.length,
                                () -> {
                                    opened.incrementAndGet();
                                    return new ByteArrayInputStream(CSV);
                                }),
                        new ReportMail.File(
                                UUID.fromString("22222222-2222-2222-2222-222222222222"),
                                ReportFormat.HTML,
                                "usage_summary_2017-05-01_2017-05-07.html",
                                HTML.length,
                                () -> {
                                    opened.incrementAndGet();
                                    return new ByteArrayInputStream(HTML);
                                })),
                Instant.parse("2017-05-08T00:00:05Z"));
    }

    /** The message as a receiving mail program sees it: written out and parsed again. */
    private MimeMessage roundTrip(ReportMessage message) throws Exception {
        message.saveChanges();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return new MimeMessage(session, new ByteArrayInputStream(out.toByteArray()));
    }

    @Test
    void theMessageNamesKindTenantAndPeriodAndAttachesEachFileUncompressed() throws Exception {
        AtomicInteger opened = new AtomicInteger();
        ReportMessage composed =
                new MailComposer(settings(10 << 20)).compose(session, mail(ReportKind.USAGE_SUMMARY, "Alice", opened));
        assertThat(opened)
                .as("files are read when the message is written, not when it is built")
                .hasValue(0);
        MimeMessage message = roundTrip(composed);
        assertThat(opened).as("each file is read once").hasValue(2);

        assertThat(message.getSubject()).isEqualTo("Usage summary for Acme <Storage> & Co, 2017-05-01 to 2017-05-07");
        assertThat(message.getMessageID()).isEqualTo("<run.recipient@example.com>");
        assertThat(message.getFrom())
                .extracting(Object::toString)
                .containsExactly("Usage Reports <reports@example.com>");
        assertThat(message.getAllRecipients())
                .extracting(Object::toString)
                .containsExactly("Alice Smith <alice@example.com>");
        assertThat(message.getHeader("Auto-Submitted")).containsExactly("auto-generated");

        Multipart mixed = (Multipart) message.getContent();
        assertThat(mixed.getContentType()).startsWith("multipart/mixed");
        assertThat(mixed.getCount()).isEqualTo(3);
        Multipart alternative = (Multipart) mixed.getBodyPart(0).getContent();
        assertThat(alternative.getContentType()).startsWith("multipart/alternative");
        String text = (String) alternative.getBodyPart(0).getContent();
        assertThat(alternative.getBodyPart(0).isMimeType("text/plain")).isTrue();
        assertThat(text)
                .contains("Hello Alice,")
                .contains("usage summary report of Acme <Storage> & Co for" + " 2017-05-01 to 2017-05-07")
                .contains("each followed by its users")
                .contains("  - usage_summary_2017-05-01_2017-05-07.csv (CSV, 28 B)")
                .contains("report " + REPORT + ", run " + RUN);
        String html = (String) alternative.getBodyPart(1).getContent();
        assertThat(alternative.getBodyPart(1).isMimeType("text/html")).isTrue();
        assertThat(html)
                .contains("Acme &lt;Storage&gt; &amp; Co")
                .doesNotContain("Acme <Storage>")
                .doesNotContainIgnoringCase("<script")
                .doesNotContainIgnoringCase("<img")
                .doesNotContainIgnoringCase("<style")
                .doesNotContain("http")
                .contains("usage_summary_2017-05-01_2017-05-07.html");

        BodyPart csv = mixed.getBodyPart(1);
        assertThat(csv.getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(csv.getFileName()).isEqualTo("usage_summary_2017-05-01_2017-05-07.csv");
        assertThat(csv.getContentType()).startsWith("text/csv").contains("charset=utf-8");
        assertThat(bytes(csv)).isEqualTo(CSV);
        BodyPart page = mixed.getBodyPart(2);
        assertThat(page.getFileName()).isEqualTo("usage_summary_2017-05-01_2017-05-07.html");
        assertThat(page.isMimeType("text/html")).isTrue();
        assertThat(bytes(page)).isEqualTo(HTML);
    }

    @Test
    void filesLargerTogetherThanTheLimitAreLinkedInstead() throws Exception {
        AtomicInteger opened = new AtomicInteger();
        long limit = CSV.length + HTML.length - 1;
        MimeMessage message = roundTrip(
                new MailComposer(settings(limit)).compose(session, mail(ReportKind.USAGE_SUMMARY, null, opened)));
        assertThat(opened)
                .as("nothing is read for a message that links its files")
                .hasValue(0);

        Multipart alternative = (Multipart) message.getContent();
        assertThat(alternative.getContentType()).startsWith("multipart/alternative");
        assertThat(alternative.getCount()).isEqualTo(2);
        String text = (String) alternative.getBodyPart(0).getContent();
        String link =
                "https://reports.example.com/api/2/reports/" + REPORT + "/stored/11111111-1111-1111-1111-111111111111";
        assertThat(text)
                .doesNotContain("Hello")
                .contains("more than the 72 B this server attaches")
                .contains("usage_summary_2017-05-01_2017-05-07.csv (CSV, 28 B): " + link);
        assertThat((String) alternative.getBodyPart(1).getContent()).contains("<a href=\"" + link + "\"");
    }

    @Test
    void aCurrentUsageReportNamesItsOneDay() throws Exception {
        ReportMail mail = mail(ReportKind.USAGE_CURRENT, null, new AtomicInteger());
        assertThat(mail.subject()).isEqualTo("Current usage for Acme <Storage> & Co, 2017-05-07");
    }

    @Test
    void sizesAreInBinaryUnitsAndFormatsHaveTheirMediaTypes() {
        assertThat(MailComposer.size(812)).isEqualTo("812 B");
        assertThat(MailComposer.size(1229)).isEqualTo("1.2 KiB");
        assertThat(MailComposer.size(10L << 20)).isEqualTo("10.0 MiB");
        assertThat(MailComposer.mediaType(ReportFormat.CSV_V2_0)).isEqualTo("text/csv; charset=utf-8");
        assertThat(MailComposer.mediaType(ReportFormat.JSON_V1)).isEqualTo("application/json");
        assertThat(MailComposer.mediaType(ReportFormat.HTML)).isEqualTo("text/html; charset=utf-8");
    }

    private static byte[] bytes(Part part) throws Exception {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        }
    }
}
