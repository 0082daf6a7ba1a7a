package io.usagereports.service.generation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The readings of each series that a report needs for its values at the end of its dates. A
 * series' value at the end of date D is its latest reading before D+1 00:00 in the report's time
 * zone ({@code zone}; UTC unless the report says otherwise), found by one
 * seek in the readings' primary key. A few scattered dates (current, summary) take one seek each
 * ({@code seekDates}); a run of consecutive dates (daily, breakdown) takes the value at the end of
 * the day before it (one seek) and every reading of its days ({@code rangeFirst} to
 * {@code rangeLast}). Neither reads a series' older history: a report costs the same after years
 * of readings as after one month.
 *
 * <p>A seek's result counts as a reading on its seek date, which is all {@link RowAggregator}
 * needs to place it; fed seeks first (ascending), then the range, a series' readings come oldest
 * first, as the aggregator consumes them.
 */
public record ReadingWindows(List<LocalDate> seekDates, LocalDate rangeFirst, LocalDate rangeLast, ZoneId zone) {

    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final long SECONDS_PER_DAY = 86_400L;

    /** A zone of one fixed offset (such as {@code UTC}) is kept as that offset: its days are arithmetic. */
    public ReadingWindows {
        zone = zone.normalized();
    }

    public static ReadingWindows of(LocalDate[] dates, ZoneId zone) {
        LocalDate first = dates[0];
        LocalDate last = dates[dates.length - 1];
        boolean consecutive = last.toEpochDay() - first.toEpochDay() == dates.length - 1;
        if (dates.length > 2 && consecutive) {
            return new ReadingWindows(List.of(first.minusDays(1)), first, last, zone);
        }
        return new ReadingWindows(List.of(dates), null, null, zone);
    }

    public boolean hasRange() {
        return rangeFirst != null;
    }

    /** The bound of the seek for date {@code i}: readings before it count. */
    public OffsetDateTime seekBound(int i) {
        return endOf(seekDates.get(i));
    }

    public OffsetDateTime rangeFrom() {
        return startOf(rangeFirst);
    }

    public OffsetDateTime rangeTo() {
        return endOf(rangeLast);
    }

    /** The instant right after date {@code date}: the start of the next day in the zone, written in UTC. */
    OffsetDateTime endOf(LocalDate date) {
        return startOf(date.plusDays(1));
    }

    private OffsetDateTime startOf(LocalDate date) {
        return date.atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** The day in the zone on which {@code instant} falls, as an epoch day. */
    long epochDay(Instant instant) {
        return epochDayOfSecond(instant.getEpochSecond());
    }

    /** The day in the zone on which a time in microseconds since the epoch falls, as an epoch day. */
    long epochDayOfMicros(long micros) {
        return epochDayOfSecond(Math.floorDiv(micros, MICROS_PER_SECOND));
    }

    /**
     * Arithmetic for a fixed offset (UTC, by default), the zone's rules otherwise: a fixed offset
     * makes new rules each time it is asked for them (a map and arrays: 340 MB of garbage for the
     * benchmark's daily report on H2, once per reading).
     */
    private long epochDayOfSecond(long seconds) {
        if (zone instanceof ZoneOffset offset) {
            return Math.floorDiv(seconds + offset.getTotalSeconds(), SECONDS_PER_DAY);
        }
        return LocalDate.ofInstant(Instant.ofEpochSecond(seconds), zone).toEpochDay();
    }

    /** The seek dates as epoch days, for readers that place seek results by them. */
    long[] seekDays() {
        return seekDates.stream().mapToLong(LocalDate::toEpochDay).toArray();
    }
}
