package org.opsdesk.domain.queue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.opsdesk.domain.DomainException;

/**
 * When a queue's team works, for its service level's clock (RT's SLA business hours, Znuny's calendars, Zammad's
 * SLA calendar): weekly opening hours in a time zone, written {@code Mon-Fri 09:00-17:00 Europe/Berlin}, several
 * separated by commas ({@code Mon-Fri 08:00-18:00, Sat 09:00-13:00 Europe/Berlin}); {@code 24x7} (or nothing):
 * always. An hour runs until {@code 24:00}; a night shift is two entries ({@code Mon-Fri 22:00-24:00, Tue-Sat
 * 00:00-06:00 UTC}). Times are wall-clock times in the zone, so a summer-time change shortens or lengthens the day
 * it falls on as it does the team's. Holidays are not known.
 */
public final class BusinessHours {

    /** Always open. */
    public static final BusinessHours ALWAYS = new BusinessHours(null, null);

    /** The longest specification kept. */
    public static final int MAX_LENGTH = 200;

    private static final Pattern ENTRY = Pattern.compile(
            "(?i)([a-z]{3}(?:-[a-z]{3})?(?:\\+[a-z]{3}(?:-[a-z]{3})?)*)\\s+(\\d{1,2}):(\\d{2})\\s*-\\s*(\\d{1,2}):(\\d{2})");
    private static final String FORMAT = "Business hours read like 'Mon-Fri 09:00-17:00 Europe/Berlin' (days, hours"
            + " until at most 24:00, several separated by commas, then a time zone), or '24x7'";
    /** Fewer open minutes a week would make the clock crawl through years of calendar for one target. */
    private static final int MIN_MINUTES_A_WEEK = 60;

    private final ZoneId zone;
    /** Per day, its open intervals as minutes of the day [from, to), in order, none overlapping. */
    private final Map<DayOfWeek, List<int[]>> open;

    private BusinessHours(ZoneId zone, Map<DayOfWeek, List<int[]>> open) {
        this.zone = zone;
        this.open = open;
    }

    /** Reads {@code spec} (see the class); blank or {@code 24x7}: {@link #ALWAYS}. 400 {@code invalid_business_hours}. */
    public static BusinessHours of(String spec) {
        String s = spec == null ? "" : spec.strip();
        if (s.isEmpty() || s.equalsIgnoreCase("24x7") || s.equalsIgnoreCase("24/7")) {
            return ALWAYS;
        }
        if (s.length() > MAX_LENGTH) {
            throw invalid("at most " + MAX_LENGTH + " characters");
        }
        int lastSpace = s.lastIndexOf(' ');
        if (lastSpace < 0) {
            throw invalid("a time zone is missing");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(s.substring(lastSpace + 1));
        } catch (java.time.DateTimeException e) {
            throw invalid("'" + s.substring(lastSpace + 1) + "' is no time zone (one such as Europe/Berlin or UTC)");
        }
        Map<DayOfWeek, List<int[]>> open = new EnumMap<>(DayOfWeek.class);
        for (String entry : s.substring(0, lastSpace).split(",")) {
            Matcher m = ENTRY.matcher(entry.strip());
            if (!m.matches()) {
                throw invalid("'" + entry.strip() + "' is not days and hours");
            }
            int from = minutes(m.group(2), m.group(3));
            int to = minutes(m.group(4), m.group(5));
            if (to <= from) {
                throw invalid("'" + entry.strip() + "' ends before it starts (a night shift is two entries)");
            }
            for (DayOfWeek day : days(m.group(1))) {
                List<int[]> intervals = open.computeIfAbsent(day, d -> new ArrayList<>());
                for (int[] i : intervals) {
                    if (from < i[1] && i[0] < to) {
                        throw invalid("two entries overlap on " + name(day));
                    }
                }
                intervals.add(new int[] {from, to});
                intervals.sort((a, b) -> Integer.compare(a[0], b[0]));
            }
        }
        int week = open.values().stream().flatMap(List::stream).mapToInt(i -> i[1] - i[0]).sum();
        if (week < MIN_MINUTES_A_WEEK) {
            throw invalid("they are open less than an hour a week");
        }
        BusinessHours hours = new BusinessHours(zone, open);
        if (hours.spec().length() > MAX_LENGTH) {
            // kept as written by spec(), which may regroup the entries into a longer text
            throw invalid("at most " + MAX_LENGTH + " characters as kept ('" + hours.spec() + "')");
        }
        return hours;
    }

    private static int minutes(String hours, String minutes) {
        int h = Integer.parseInt(hours);
        int m = Integer.parseInt(minutes);
        if (h > 24 || m > 59 || (h == 24 && m != 0)) {
            throw invalid("'" + hours + ":" + minutes + "' is no time of day");
        }
        return h * 60 + m;
    }

    private static List<DayOfWeek> days(String spec) {
        List<DayOfWeek> days = new ArrayList<>();
        for (String part : spec.split("\\+")) {
            String[] range = part.split("-");
            DayOfWeek first = day(range[0]);
            DayOfWeek last = range.length > 1 ? day(range[1]) : first;
            for (DayOfWeek d = first;; d = d.plus(1)) {
                days.add(d);
                if (d == last) {
                    break;
                }
            }
        }
        return days;
    }

    private static DayOfWeek day(String abbreviation) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (name(d).equalsIgnoreCase(abbreviation)) {
                return d;
            }
        }
        throw invalid("'" + abbreviation + "' is no day (Mon, Tue, Wed, Thu, Fri, Sat, Sun)");
    }

    private static String name(DayOfWeek d) {
        return d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    }

    private static DomainException invalid(String why) {
        return DomainException.invalid("invalid_business_hours", FORMAT + "; " + why + ".");
    }

    public boolean isAlways() {
        return zone == null;
    }

    /**
     * The moment {@code amount} of business time after {@code start}: at once when it is zero and the team is at
     * work, else from the next opening.
     */
    public Instant plus(Instant start, Duration amount) {
        if (isAlways()) {
            return start.plus(amount);
        }
        long remaining = amount.getSeconds();
        LocalDate day = start.atZone(zone).toLocalDate();
        while (true) {
            for (int[] i : open.getOrDefault(day.getDayOfWeek(), List.of())) {
                Instant from = at(day, i[0]);
                Instant to = at(day, i[1]);
                if (!to.isAfter(start)) {
                    continue;
                }
                if (from.isBefore(start)) {
                    from = start;
                }
                if (!to.isAfter(from)) {
                    continue; // hours inside the night's gap when the clocks go forward: none that day
                }
                long available = Duration.between(from, to).getSeconds();
                if (available >= remaining) {
                    return from.plusSeconds(remaining);
                }
                remaining -= available;
            }
            day = day.plusDays(1);
        }
    }

    /** The business time between {@code from} and {@code to} (zero when {@code to} is not later). */
    public Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        if (isAlways()) {
            return Duration.between(from, to);
        }
        long seconds = 0;
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            for (int[] i : open.getOrDefault(day.getDayOfWeek(), List.of())) {
                Instant a = max(at(day, i[0]), from);
                Instant b = min(at(day, i[1]), to);
                if (b.isAfter(a)) {
                    seconds += Duration.between(a, b).getSeconds();
                }
            }
        }
        return Duration.ofSeconds(seconds);
    }

    /** Minute {@code minute} of {@code day} in the zone (1440: the next day's start); a time a clock skips: after. */
    private Instant at(LocalDate day, int minute) {
        if (minute == 24 * 60) {
            return day.plusDays(1).atStartOfDay(zone).toInstant();
        }
        return ZonedDateTime.of(day.atTime(minute / 60, minute % 60), zone).toInstant();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** The specification as kept: days joined in runs ({@code Mon-Fri}), hours, then the zone; {@code 24x7}. */
    public String spec() {
        if (isAlways()) {
            return "24x7";
        }
        // days that share the same hours are written together, in the order of the week
        Map<String, List<DayOfWeek>> byHours = new java.util.LinkedHashMap<>();
        for (Map.Entry<DayOfWeek, List<int[]>> e : open.entrySet()) {
            StringBuilder hours = new StringBuilder();
            for (int[] i : e.getValue()) {
                hours.append(hours.isEmpty() ? "" : ",").append(time(i[0])).append('-').append(time(i[1]));
            }
            byHours.computeIfAbsent(hours.toString(), h -> new ArrayList<>()).add(e.getKey());
        }
        List<String> entries = new ArrayList<>();
        byHours.forEach((hours, days) -> {
            for (String h : hours.split(",")) {
                entries.add(runs(days) + " " + h);
            }
        });
        return String.join(", ", entries) + " " + zone.getId();
    }

    private static String runs(List<DayOfWeek> days) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < days.size()) {
            int j = i;
            while (j + 1 < days.size() && days.get(j + 1).getValue() == days.get(j).getValue() + 1) {
                j++;
            }
            parts.add(j == i ? name(days.get(i)) : name(days.get(i)) + "-" + name(days.get(j)));
            i = j + 1;
        }
        return String.join("+", parts);
    }

    private static String time(int minute) {
        return String.format(Locale.ROOT, "%02d:%02d", minute / 60, minute % 60);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BusinessHours b && spec().equals(b.spec());
    }

    @Override
    public int hashCode() {
        return spec().hashCode();
    }

    @Override
    public String toString() {
        return spec();
    }
}
