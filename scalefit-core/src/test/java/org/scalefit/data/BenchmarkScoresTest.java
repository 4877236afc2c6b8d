package org.scalefit.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchmarkScoresTest {

    private static Map<String, Double> tasks(double... values) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            map.put("task" + i, values[i]);
        }
        return map;
    }

    @Test
    void averagesAreGemstonesMeanAccuracyErrorAndCombinedStandardError() {
        BenchmarkScores scores = new BenchmarkScores("Gemstone-256x23-main", 256, 23, "main", 83475, 3.5e11,
                tasks(0.25, 0.5, 0.75), tasks(0.03, 0.04, 0.12));
        assertThat(scores.averageAccuracy()).isEqualTo(0.5);
        assertThat(scores.averageError()).isEqualTo(0.5);
        assertThat(scores.averageStandardError()).isCloseTo(0.13 / 3, within(1e-17));
        assertThat(scores.model()).isEqualTo("256x23");
        assertThat(scores.isFinalRevision()).isTrue();
    }

    @Test
    void anAccuracyOutsideZeroToOneIsRejected() {
        assertThatThrownBy(() -> new BenchmarkScores("c", 1, 1, "main", 1, 1, tasks(1.5), tasks(0.01)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("task0");
        assertThatThrownBy(() -> new BenchmarkScores("c", 1, 1, "main", 1, 1, tasks(Double.NaN), tasks(0.01)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void standardErrorsMustCoverTheSameTasks() {
        Map<String, Double> other = new LinkedHashMap<>();
        other.put("other", 0.01);
        assertThatThrownBy(() -> new BenchmarkScores("c", 1, 1, "main", 1, 1, tasks(0.5), other))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("standard errors for");
    }
}
