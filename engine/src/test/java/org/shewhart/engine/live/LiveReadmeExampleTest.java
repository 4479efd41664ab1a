package org.shewhart.engine.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shewhart.engine.ChartResult;
import org.shewhart.engine.ChartSpec;
import org.shewhart.engine.ChartType;
import org.shewhart.engine.RuleProfile;
import org.shewhart.engine.Signal;

/**
 * The "Incremental updates" sample of README.md, kept here so that it compiles and its output holds: a 12-week
 * baseline fixes the limits, later weeks arrive one at a time, and week 21 completes a run of seven above the
 * mean and raises a shift signal covering all seven, which the next weeks extend; weeks 21
 * and 22 also lie between 2σ and 3σ above the mean (two-of-three) (Making Data Count flags the whole pattern).
 */
final class LiveReadmeExampleTest {
    @Test
    void readmeExample() {
        final List<String> printed = new ArrayList<>();
        final double[] weeks = {12, 15, 11, 14, 13, 12, 16, 13, 11, 14, 12, 15, // baseline
            14, 12, 15, 17, 16, 18, 17, 16, 19, 18, 17};
        // --- README example start
        LiveChart live = LiveChart.of(ChartSpec.builder(ChartType.XMR)
                .profile(RuleProfile.MDC)
                .baseline(12)                           // limits from the first 12 weeks, then fixed
                .build());
        for (double y : weeks) {                        // e.g. as each week's figure arrives
            int i = live.append(y);                     // O(1) once the baseline is complete
            for (Signal s : live.latestSignals()) {     // patterns that end at the new point
                printed.add(String.format("week %d: %s from week %d (%s)", i + 1, s.rule().id(), s.first() + 1,
                        s.type().id()));
            }
        }
        live.centreAt(live.size() - 1);                 // 13.1667, as ChartSpec.compute on the same points
        // --- README example end
        assertEquals(List.of("week 21: shift from week 15 (special-cause-improvement)",
                "week 22: two-of-three from week 21 (special-cause-improvement)",
                "week 22: shift from week 15 (special-cause-improvement)",
                "week 23: shift from week 15 (special-cause-improvement)"), printed);
        assertEquals(13.1667, live.centreAt(22), 1e-4);
        final ChartResult full = live.toResult();
        assertEquals(full.signals(), live.signals());
        assertEquals(full.centreAt(22), live.centreAt(22));
    }
}
