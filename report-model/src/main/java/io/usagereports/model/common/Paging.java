package io.usagereports.model.common;

/** Cursor paging: pass {@code cursors.after} back as the {@code after} query parameter. */
public record Paging(Cursors cursors) {

    /** {@code after} is {@code null} (and left out of the JSON) when there is no next page. */
    public record Cursors(String after) {}

    public static Paging after(String cursor) {
        return new Paging(new Cursors(cursor));
    }
}
