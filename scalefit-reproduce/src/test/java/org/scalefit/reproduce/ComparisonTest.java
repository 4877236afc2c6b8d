package org.scalefit.reproduce;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.scalefit.reproduce.Comparison.Verdict;

class ComparisonTest {

    @Test
    void printedValueAgreesWhenOursRoundsToTheSameDigits() {
        assertThat(Comparison.printed("a", "q", 0.71033518, "0.7103").verdict()).isEqualTo(Verdict.AGREES);
        assertThat(Comparison.printed("a", "q", 0.0464425, "0.0464").verdict()).isEqualTo(Verdict.AGREES);
    }

    @Test
    void printedValueDiffersInTheLastDigitAndSaysWhatOursRoundsTo() {
        Comparison c = Comparison.printed("a", "q", 3.43614, "3.4362");
        assertThat(c.verdict()).isEqualTo(Verdict.DIFFERS);
        assertThat(c.note()).contains("3.4361");
    }

    @Test
    void objectiveLowerThanPublishedIsReportedAsSuch() {
        assertThat(Comparison.objective("a", 1.0, 1.5, 1e-9).verdict()).isEqualTo(Verdict.LOWER_OBJECTIVE);
        assertThat(Comparison.objective("a", 1.0, 1.0 + 1e-12, 1e-9).verdict()).isEqualTo(Verdict.AGREES);
        assertThat(Comparison.objective("a", 1.5, 1.0, 1e-9).verdict()).isEqualTo(Verdict.DIFFERS);
    }

    @Test
    void relativeToleranceScalesWithThePublishedValue() {
        assertThat(Comparison.relative("a", "q", 1000.9, 1000, 1e-3).verdict()).isEqualTo(Verdict.AGREES);
        assertThat(Comparison.relative("a", "q", 1001.1, 1000, 1e-3).verdict()).isEqualTo(Verdict.DIFFERS);
    }

    @Test
    void onlyADifferenceFailsAReproduction() {
        StudyReproduction study = new StudyReproduction("s", "t", java.util.List.of(
                Comparison.unpublished("a", "q", 1, ""), Comparison.objective("a", 1.0, 2.0, 0)), java.util.List.of(),
                java.util.List.of(), java.util.List.of(), 0);
        assertThat(study.reproduced()).isTrue();
        assertThat(study.publishedCount()).isEqualTo(1);
        StudyReproduction failing = new StudyReproduction("s", "t", java.util.List.of(
                Comparison.absolute("a", "q", 1, 2, 0.5)), java.util.List.of(), java.util.List.of(), java.util.List.of(), 0);
        assertThat(failing.reproduced()).isFalse();
        assertThat(failing.differing()).isEqualTo(1);
    }
}
