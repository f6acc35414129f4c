package org.opsdesk.web.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.opsdesk.application.DashboardService.Count;
import org.opsdesk.application.DashboardService.DayCount;

class ChartsTest {

    @Test
    void barsAreProportionalToTheLargestCount() {
        BarChart chart = BarChart.of(List.of(new Count("a", 10), new Count("b", 5), new Count("c", 0)));
        assertThat(chart.bars()).extracting(BarChart.Bar::length).containsExactly(BarChart.BAR_AREA,
                BarChart.BAR_AREA / 2, 0);
        assertThat(chart.bars()).extracting(BarChart.Bar::y).containsExactly(0, BarChart.ROW, 2 * BarChart.ROW);
    }

    @Test
    void theTrendHasOnePointPerDayAndAWeeklyDateTick() {
        LocalDate first = LocalDate.of(2026, 1, 1);
        List<DayCount> days = java.util.stream.IntStream.range(0, 30)
                .mapToObj(i -> new DayCount(first.plusDays(i), i, 0)).toList();
        TrendChart chart = TrendChart.of(days);
        String[] points = chart.createdPoints().split(" ");
        assertThat(points).hasSize(30);
        assertThat(points[0]).isEqualTo(TrendChart.LEFT + "," + (TrendChart.HEIGHT - TrendChart.BOTTOM));
        assertThat(points[29]).endsWith("," + TrendChart.TOP);
        assertThat(chart.xTicks()).hasSize(5).last().extracting(TrendChart.Tick::label).isEqualTo("Jan 30");
        assertThat(chart.max()).isEqualTo(29);
    }

    @Test
    void theResolvedLineIsDrawnOnTheSameScaleAsTheCreatedOne() {
        LocalDate first = LocalDate.of(2026, 1, 1);
        // more resolved than created on the last day: the scale is the larger of the two
        List<DayCount> days = java.util.stream.IntStream.range(0, 30)
                .mapToObj(i -> new DayCount(first.plusDays(i), i == 29 ? 20 : 0, i == 29 ? 40 : i % 2)).toList();
        TrendChart chart = TrendChart.of(days);
        String[] resolved = chart.resolvedPoints().split(" ");
        String[] created = chart.createdPoints().split(" ");
        int baseline = TrendChart.HEIGHT - TrendChart.BOTTOM;
        assertThat(chart.max()).isEqualTo(40);
        assertThat(resolved).hasSize(30);
        assertThat(resolved[0]).isEqualTo(TrendChart.LEFT + "," + baseline);
        assertThat(resolved[29]).endsWith("," + TrendChart.TOP);
        assertThat(created[29]).endsWith("," + (baseline - (baseline - TrendChart.TOP) / 2));
        assertThat(resolved[1]).isNotEqualTo(created[1]).doesNotEndWith("," + baseline);
    }
}
