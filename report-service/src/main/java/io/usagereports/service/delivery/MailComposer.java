package io.usagereports.service.delivery;

import io.usagereports.model.reports.ReportFormat;
import io.usagereports.service.common.Html;
import jakarta.activation.DataHandler;
import jakarta.activation.DataSource;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Locale;

/**
 * Builds the e-mail of a delivery: a subject naming the kind, tenant and period; a plain-text and
 * an HTML part (tables and inline styles only, for Outlook and Gmail alike; no scripts, no
 * images) saying what the report covers and what is attached; and one attachment per format,
 * uncompressed and streamed from the stored report when the message is written, never held in
 * memory. Files larger together than the configured limit are not attached: the message links
 * each one under the server's public URL instead, and says why.
 */
final class MailComposer {

    private final MailSettings settings;

    MailComposer(MailSettings settings) {
        this.settings = settings;
    }

    /** Whether the files go as attachments (else as links). */
    boolean attaches(ReportMail mail) {
        return mail.totalSize() <= settings.maxAttachmentBytes();
    }

    ReportMessage compose(Session session, ReportMail mail) throws MessagingException {
        boolean attach = attaches(mail);
        ReportMessage message = new ReportMessage(session, mail.messageId());
        message.setFrom(settings.from());
        message.setRecipient(jakarta.mail.Message.RecipientType.TO, mail.to());
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(mail.date()));
        message.setHeader("Auto-Submitted", "auto-generated");

        MimeMultipart body = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(plainText(mail, attach), StandardCharsets.UTF_8.name());
        body.addBodyPart(text);
        MimeBodyPart html = new MimeBodyPart();
        html.setText(html(mail, attach), StandardCharsets.UTF_8.name(), "html");
        body.addBodyPart(html);
        if (!attach || mail.files().isEmpty()) {
            message.setContent(body);
            return message;
        }
        MimeMultipart mixed = new MimeMultipart("mixed");
        MimeBodyPart alternative = new MimeBodyPart();
        alternative.setContent(body);
        mixed.addBodyPart(alternative);
        for (ReportMail.File file : mail.files()) {
            mixed.addBodyPart(attachment(file));
        }
        message.setContent(mixed);
        return message;
    }

    private static MimeBodyPart attachment(ReportMail.File file) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new FileSource(file)));
        part.setFileName(file.name());
        part.setDisposition(MimeBodyPart.ATTACHMENT);
        // Set here, so that Jakarta Mail does not read the whole file once more to choose an encoding.
        part.setHeader("Content-Transfer-Encoding", "base64");
        return part;
    }

    /** The media type of a format's files. */
    static String mediaType(ReportFormat format) {
        return switch (format) {
            case CSV, CSV_V2_0 -> "text/csv; charset=utf-8";
            case HTML -> "text/html; charset=utf-8";
            case JSON_V1, JSON_V2_0 -> "application/json";
        };
    }

    /** A format's name for people. */
    static String formatName(ReportFormat format) {
        return switch (format) {
            case CSV -> "CSV";
            case CSV_V2_0 -> "CSV, exact (v2.0)";
            case HTML -> "HTML page";
            case JSON_V1 -> "JSON (v1)";
            case JSON_V2_0 -> "JSON, exact (v2.0)";
        };
    }

    /** A size for people, in binary units: {@code 812 B}, {@code 1.2 KiB}, {@code 52.3 MiB}. */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    /** Where a stored report is downloaded from, for the links of a message too large to attach. */
    URI link(ReportMail mail, ReportMail.File file) {
        return URI.create(settings.publicUrl() + "/api/2/reports/" + mail.reportId() + "/stored/" + file.storedId());
    }

    private String tooLarge(ReportMail mail) {
        return "The report's files are " + size(mail.totalSize()) + " together, more than the "
                + size(settings.maxAttachmentBytes()) + " this server attaches to an e-mail, so they are not"
                + " attached. Download each one with your API credentials:";
    }

    String plainText(ReportMail mail, boolean attach) {
        StringBuilder t = new StringBuilder();
        t.append(mail.subject()).append("\n\n");
        if (mail.greeting() != null) {
            t.append("Hello ").append(mail.greeting()).append(",\n\n");
        }
        t.append("This is the ")
                .append(mail.kind().title().toLowerCase(Locale.ROOT))
                .append(" report of ")
                .append(mail.tenantName())
                .append(" for ")
                .append(mail.period())
                .append(", with ")
                .append(mail.rows())
                .append(".\n\n");
        if (mail.files().isEmpty()) {
            t.append("The report has no files.\n");
        } else if (attach) {
            t.append("Attached:\n");
            for (ReportMail.File file : mail.files()) {
                t.append("  - ")
                        .append(file.name())
                        .append(" (")
                        .append(formatName(file.format()))
                        .append(", ")
                        .append(size(file.size()))
                        .append(")\n");
            }
        } else {
            t.append(tooLarge(mail)).append('\n');
            for (ReportMail.File file : mail.files()) {
                t.append("  - ")
                        .append(file.name())
                        .append(" (")
                        .append(formatName(file.format()))
                        .append(", ")
                        .append(size(file.size()))
                        .append("): ")
                        .append(link(mail, file))
                        .append('\n');
            }
        }
        t.append("\n-- \nSent by usage-reports: report ")
                .append(mail.reportId())
                .append(", run ")
                .append(mail.runId())
                .append(".\n");
        return t.toString();
    }

    private static final String FONT = "font-family:Arial,Helvetica,sans-serif;";

    String html(ReportMail mail, boolean attach) {
        StringBuilder h = new StringBuilder(4096);
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>")
                .append(Html.escape(mail.subject()))
                .append("</title></head>")
                .append("<body style=\"margin:0;padding:0;background:#f4f6f8;\">")
                .append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\"")
                .append(" style=\"background:#f4f6f8;\"><tr><td align=\"center\" style=\"padding:24px 12px;\">")
                .append("<table role=\"presentation\" width=\"600\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\"")
                .append(" style=\"width:600px;max-width:100%;background:#ffffff;border:1px solid #d9e2ec;\">")
                .append("<tr><td style=\"padding:20px 24px;background:#243b53;color:#ffffff;")
                .append(FONT)
                .append("\">")
                .append("<div style=\"font-size:20px;font-weight:bold;\">")
                .append(Html.escape(mail.kind().title()))
                .append("</div><div style=\"font-size:14px;color:#bcccdc;padding-top:4px;\">")
                .append(Html.escape(mail.tenantName()))
                .append(" &middot; ")
                .append(Html.escape(mail.period()))
                .append("</div></td></tr>")
                .append("<tr><td style=\"padding:20px 24px;")
                .append(FONT)
                .append("font-size:14px;line-height:20px;color:#1f2933;\">");
        if (mail.greeting() != null) {
            h.append("<p style=\"margin:0 0 12px;\">Hello ")
                    .append(Html.escape(mail.greeting()))
                    .append(",</p>");
        }
        h.append("<p style=\"margin:0 0 16px;\">This is the ")
                .append(Html.escape(mail.kind().title().toLowerCase(Locale.ROOT)))
                .append(" report of <b>")
                .append(Html.escape(mail.tenantName()))
                .append("</b> for ")
                .append(Html.escape(mail.period()))
                .append(", with ")
                .append(Html.escape(mail.rows()))
                .append(".</p>");
        if (mail.files().isEmpty()) {
            h.append("<p style=\"margin:0;\">The report has no files.</p>");
        } else {
            h.append("<p style=\"margin:0 0 8px;\">")
                    .append(attach ? "Attached:" : Html.escape(tooLarge(mail)))
                    .append("</p>")
                    .append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\"")
                    .append(" border=\"0\" style=\"border-collapse:collapse;\">");
            for (ReportMail.File file : mail.files()) {
                String cell = "padding:6px 8px;border-top:1px solid #e4e7eb;" + FONT + "font-size:13px;";
                h.append("<tr><td style=\"").append(cell).append("color:#102a43;\">");
                if (attach) {
                    h.append(Html.escape(file.name()));
                } else {
                    h.append("<a href=\"")
                            .append(Html.escape(link(mail, file).toString()))
                            .append("\" style=\"color:#2680c2;\">")
                            .append(Html.escape(file.name()))
                            .append("</a>");
                }
                h.append("</td><td style=\"")
                        .append(cell)
                        .append("color:#627d98;\">")
                        .append(Html.escape(formatName(file.format())))
                        .append("</td><td align=\"right\" style=\"")
                        .append(cell)
                        .append("color:#627d98;white-space:nowrap;\">")
                        .append(Html.escape(size(file.size())))
                        .append("</td></tr>");
            }
            h.append("</table>");
        }
        h.append("</td></tr><tr><td style=\"padding:12px 24px;border-top:1px solid #e4e7eb;color:#829ab1;")
                .append(FONT)
                .append("font-size:12px;\">Sent by usage-reports: report ")
                .append(mail.reportId())
                .append(", run ")
                .append(mail.runId())
                .append(".</td></tr></table></td></tr></table></body></html>");
        return h.toString();
    }

    /** A stored report as an attachment's data: opened afresh each time the message is written. */
    private record FileSource(ReportMail.File file) implements DataSource {
        @Override
        public InputStream getInputStream() throws IOException {
            return file.content().open();
        }

        @Override
        public OutputStream getOutputStream() {
            throw new UnsupportedOperationException("read-only");
        }

        @Override
        public String getContentType() {
            return mediaType(file.format());
        }

        @Override
        public String getName() {
            return file.name();
        }
    }
}
