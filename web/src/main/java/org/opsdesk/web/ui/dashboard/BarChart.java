package org.opsdesk.web.ui.dashboard;

import java.util.ArrayList;
import java.util.List;

import org.opsdesk.application.DashboardService.Count;

/**
 * A horizontal bar chart laid out for SVG: one bar per count, its length proportional to the largest.
 * Coordinates are in the chart's own units (its {@code viewBox}); the view only draws them.
 */
public record BarChart(List<Bar> bars, int width, int height) {

    public static final int LABEL_WIDTH = 140;
    public static final int BAR_AREA = 300;
    public static final int ROW = 28;

    /** One bar: the label and value it shows, where it sits and how long it is. */
    public record Bar(String label, long value, int y, int length) {

        public int textY() {
            return y + ROW / 2 + 4;
        }

        public int valueX() {
            return LABEL_WIDTH + length + 6;
        }
    }

    public static BarChart of(List<Count> counts) {
        long max = counts.stream().mapToLong(Count::count).max().orElse(0);
        List<Bar> bars = new ArrayList<>();
        int y = 0;
        for (Count c : counts) {
            int length = max == 0 ? 0 : (int) Math.max(c.count() > 0 ? 2 : 0, c.count() * BAR_AREA / max);
            bars.add(new Bar(c.key(), c.count(), y, length));
            y += ROW;
        }
        return new BarChart(bars, LABEL_WIDTH + BAR_AREA + 60, Math.max(y, ROW));
    }

    public int labelX() {
        return LABEL_WIDTH - 8;
    }

    public int barX() {
        return LABEL_WIDTH;
    }

    public int barHeight() {
        return ROW - 8;
    }
}
