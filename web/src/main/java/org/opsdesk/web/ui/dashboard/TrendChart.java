package org.opsdesk.web.ui.dashboard;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.opsdesk.application.DashboardService.DayCount;

/**
 * Created and resolved tickets per day as two lines in SVG: points in the chart's own units, a few
 * value ticks on the left and a date tick every week.
 */
public record TrendChart(String createdPoints, String resolvedPoints, List<Tick> yTicks, List<Tick> xTicks,
        long max, List<DayCount> days) {

    public static final int WIDTH = 640;
    public static final int HEIGHT = 220;
    public static final int LEFT = 40;
    public static final int BOTTOM = 24;
    public static final int TOP = 10;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);

    /** A labelled position on an axis. */
    public record Tick(String label, int x, int y) {
    }

    public static TrendChart of(List<DayCount> days) {
        long max = Math.max(1, days.stream().mapToLong(d -> Math.max(d.created(), d.resolved())).max().orElse(0));
        StringBuilder created = new StringBuilder();
        StringBuilder resolved = new StringBuilder();
        List<Tick> xTicks = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            int x = x(i, days.size());
            created.append(x).append(',').append(y(days.get(i).created(), max)).append(' ');
            resolved.append(x).append(',').append(y(days.get(i).resolved(), max)).append(' ');
            if ((days.size() - 1 - i) % 7 == 0) {
                xTicks.add(new Tick(DAY.format(days.get(i).day()), x, HEIGHT - 6));
            }
        }
        List<Tick> yTicks = new ArrayList<>();
        for (long v : new long[] {0, max / 2, max}) {
            yTicks.add(new Tick(String.valueOf(v), LEFT - 6, y(v, max)));
        }
        return new TrendChart(created.toString().strip(), resolved.toString().strip(), yTicks, xTicks, max, days);
    }

    public int width() {
        return WIDTH;
    }

    public int height() {
        return HEIGHT;
    }

    public int left() {
        return LEFT;
    }

    public int right() {
        return WIDTH - 10;
    }

    public int baseline() {
        return HEIGHT - BOTTOM;
    }

    private static int x(int i, int n) {
        int span = WIDTH - 10 - LEFT;
        return n <= 1 ? LEFT : LEFT + i * span / (n - 1);
    }

    private static int y(long value, long max) {
        int span = HEIGHT - BOTTOM - TOP;
        return (int) (HEIGHT - BOTTOM - value * span / max);
    }
}
