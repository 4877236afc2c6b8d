package org.scalefit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RepeatedTokensTest {

    @Test
    void countsThePointsTrainedOnMoreTokensThanTheirUniqueTokensAndTheMostEpochs() {
        RepeatedTokens repeated = RepeatedTokens.of(new double[] {4e9, 8e9, 4e10, 1e9},
                new double[] {4e9, 4e9, 1e9, 1e9});
        assertEquals(2, repeated.repeating());
        assertEquals(40.0, repeated.mostEpochs(), 1e-12);
        String caution = repeated.caution().orElseThrow();
        assertTrue(caution.contains("2 of 4 points") && caution.contains("up to 40 epochs")
                && caution.contains("--law data-constrained"), caution);
    }

    @Test
    void pointsOfNamedRunsAreCountedByRunARunRepeatingWhenOneOfItsPointsDoes() {
        RepeatedTokens repeated = RepeatedTokens.ofRuns(new double[] {1e9, 2e9, 8e9, 1e9, 2e9, 4e9},
                new double[] {4e9, 4e9, 4e9, 4e9, 4e9, 4e9}, new double[] {1, 1, 1, 2, 2, 2});
        assertEquals(2, repeated.count());
        assertEquals(1, repeated.repeating());
        String caution = repeated.caution().orElseThrow();
        assertTrue(caution.startsWith("repeated data: 1 of 2 runs") && caution.contains("up to 2 epochs"), caution);
    }

    @Test
    void aSingleEpochOfEveryPointGivesNoCaution() {
        assertTrue(RepeatedTokens.of(new double[] {4e9, 8e9}, new double[] {4e9, 8e9}).caution().isEmpty());
    }

    @Test
    void aBlankUniqueTokenCountIsNotCountedEitherWay() {
        RepeatedTokens repeated = RepeatedTokens.of(new double[] {4e9, 8e9}, new double[] {Double.NaN, 8e9});
        assertEquals(0, repeated.repeating());
        assertTrue(repeated.caution().isEmpty());
    }
}
