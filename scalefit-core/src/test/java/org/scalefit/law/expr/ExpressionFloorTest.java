package org.scalefit.law.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A law written as text whose constant term (its floor) ends negligible next to every loss is warned about, as the
 * built-in laws' irreducible error is ({@link org.scalefit.fit.FitDiagnostics}).
 */
class ExpressionFloorTest {

    private static final LawExpression CHINCHILLA = LawExpression.parse("E + A/N^alpha + B/D^beta",
            List.of("N", "D"), List.of("E", "A", "B", "alpha", "beta"));

    private static LawPoints points() {
        double[][] columns = {{1e8, 1e8, 1e9, 1e9, 1e10, 1e10}, {1e9, 1e10, 1e10, 1e11, 1e11, 1e12}};
        double[] losses = {3.9, 3.5, 3.0, 2.7, 2.4, 2.2};
        return LawPoints.of("runs", List.of("N", "D"), columns, losses);
    }

    private static List<String> floorWarnings(double e, Set<String> alreadyNotIdentified) {
        double[] theta = {e, 406.4, 410.7, 0.34, 0.28};
        return ExpressionFitRequest.of(ExpressionLaw.of("user", CHINCHILLA), points())
                .floorWarnings(theta, new HashSet<>(alreadyNotIdentified));
    }

    @Test
    void aFloorBelowAThousandthOfTheSmallestLossIsWarnedAsNoFloor() {
        assertThat(floorWarnings(2.4e-4, Set.of())).containsExactly("degenerate: the constant term (parameter E) is "
                + "0.00024, negligible next to the smallest loss 2.200; the law has no floor and E is not identified");
    }

    @Test
    void aFloorWarnedAsNoFloorIsNamedAsNotIdentified() {
        Set<String> notIdentified = new HashSet<>();
        double[] theta = {2.4e-4, 406.4, 410.7, 0.34, 0.28};
        ExpressionFitRequest.of(ExpressionLaw.of("user", CHINCHILLA), points()).floorWarnings(theta, notIdentified);
        assertThat(notIdentified).containsExactly("E");
    }

    @Test
    void aFloorOfTheLossesOwnSizeIsNotWarned() {
        assertThat(floorWarnings(1.69, Set.of())).isEmpty();
    }

    @Test
    void aFloorAlreadyNamedAsNotIdentifiedIsNotWarnedTwice() {
        assertThat(floorWarnings(1e-35, Set.of("E"))).isEmpty();
    }
}
