package org.scalefit.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefit.data.RowLocation;
import org.scalefit.isoflop.IsoflopBudget;

/** How the rows of a user's run table become IsoFLOP budgets. */
class IsoflopInputsTest {

    @TempDir
    Path folder;

    @Test
    void aBudgetBelowSixFlopsPerParameterIsRefusedAtItsLineAsNotFlops() throws IOException {
        // FLOPs written in PF-days (8.64e19 FLOPs): C = 0.0116 "FLOPs" cannot train a 7.6e7-parameter model on a token
        Path file = Files.writeString(folder.resolve("runs.csv"),
                "C,params,loss\n0.0116,7.6e7,3.63\n0.0116,1.5e8,3.65\n");

        assertThatThrownBy(() -> IsoflopInputs.read(DataSource.of(file.toString())))
                .isInstanceOf(InputException.class).hasMessageStartingWith(file + ":2: column 'C'")
                .hasMessageContaining("6·N").hasMessageContaining("0.0116");
    }

    @Test
    void aRunRepeatedWithTheSameSeedIsRefusedAtItsLine() throws IOException {
        Path file = Files.writeString(folder.resolve("seeds.csv"), "flops,params,seed,loss\n"
                + "1e18,2e7,0,3.10\n1e18,2e7,1,3.11\n1e18,2e7,1,3.12\n1e18,4e7,0,3.0\n1e18,8e7,0,3.05\n");

        assertThatThrownBy(() -> IsoflopInputs.read(DataSource.of(file.toString())))
                .isInstanceOf(InputException.class).hasMessageStartingWith(file + ":4: column 'seed'")
                .hasMessageContaining("line 3");
    }

    @Test
    void runsOfOneSizeWithDifferentSeedsAreReplicatesWithoutAWarning() throws IOException {
        Path file = Files.writeString(folder.resolve("seeds.csv"), "flops,params,seed,loss\n"
                + "1e18,2e7,0,3.10\n1e18,2e7,1,3.11\n1e18,4e7,0,3.0\n1e18,4e7,1,3.01\n1e18,8e7,0,3.05\n");

        IsoflopInputs inputs = IsoflopInputs.read(DataSource.of(file.toString()));

        assertThat(inputs.warnings()).isEmpty();
        assertThat(inputs.budgets().get(0).points()).isEqualTo(5);
    }

    @Test
    void repeatedSizesWithoutASeedColumnAreAWarningThatTheyAreTakenAsSeedReplicates() throws IOException {
        Path file = Files.writeString(folder.resolve("runs.csv"), "flops,params,loss\n"
                + "1e18,2e7,3.10\n1e18,2e7,3.11\n1e18,4e7,3.0\n1e18,8e7,3.05\n");

        IsoflopInputs inputs = IsoflopInputs.read(DataSource.of(file.toString()));

        assertThat(inputs.warnings()).singleElement().asString().contains("no seed column")
                .contains("lines 2, 3").contains("seed replicates").contains("--where");
    }

    @Test
    void identicalRowsWithoutASeedColumnAreNamedAsPossiblyOneRunListedTwice() throws IOException {
        Path file = Files.writeString(folder.resolve("runs.csv"), "flops,params,loss\n"
                + "1e18,2e7,3.10\n1e18,4e7,3.0\n1e18,4e7,3.0\n1e18,8e7,3.05\n");

        IsoflopInputs inputs = IsoflopInputs.read(DataSource.of(file.toString()));

        assertThat(inputs.warnings()).singleElement().asString().contains("line 4 repeats line 3");
    }

    /** C = 1e18 with four sizes, tokens written as given by {@code tokens} of D = C/(6N). */
    private Path flopsParamsTokens(java.util.function.DoubleUnaryOperator tokens) throws IOException {
        StringBuilder csv = new StringBuilder("flops,params,tokens,loss\n");
        for (double n : new double[] {2e7, 4e7, 8e7, 1.6e8}) {
            csv.append(String.format(java.util.Locale.ROOT, "1e18,%s,%s,%s%n", n, tokens.applyAsDouble(1e18 / (6 * n)),
                    3 + 1e-8 * n + 1e8 / n));
        }
        return Files.writeString(folder.resolve("runs.csv"), csv);
    }

    @Test
    void tokensInBillionsAreNamedAsDisagreeingWithTheFlopsColumnWhichDrivesTheAnalysis() throws IOException {
        IsoflopInputs inputs = IsoflopInputs.read(DataSource.of(flopsParamsTokens(d -> d / 1e9).toString()));

        assertThat(inputs.warnings()).singleElement().asString().contains("4 of 4 rows")
                .contains("1.00e+09").contains("billions").contains("lines 2, 3, 4, 5")
                .contains("column 'flops'").contains("'tokens' is not used");
    }

    @Test
    void tokensThatAgreeWithTheFlopsWithinTenPercentGiveNoWarning() throws IOException {
        IsoflopInputs inputs = IsoflopInputs.read(DataSource.of(flopsParamsTokens(d -> 1.05 * d).toString()));

        assertThat(inputs.warnings()).isEmpty();
    }

    @Test
    void paramsCountedDifferentlyFromTheFlopsAreNamedWithTheTypicalRatio() throws IOException {
        IsoflopInputs inputs = IsoflopInputs.read(DataSource.of(flopsParamsTokens(d -> d / 1.3).toString()));

        assertThat(inputs.warnings()).singleElement().asString().contains("4 of 4 rows").contains("1.3");
    }

    /**
     * Three IsoFLOP profiles (C = 1e18, 1e19, 1e20) of five sizes each, written as params and tokens only, the tokens
     * rounded to three significant digits as a user's log would give them.
     */
    private Path paramsAndTokens() throws IOException {
        StringBuilder csv = new StringBuilder("params,tokens,loss\n");
        for (double c : new double[] {1e18, 1e19, 1e20}) {
            for (double f : new double[] {0.25, 0.5, 1, 2, 4}) {
                double n = Math.rint(0.1 * Math.sqrt(c) * f);
                double d = Double.parseDouble(String.format(java.util.Locale.ROOT, "%.2e", c / (6 * n)));
                csv.append(String.format(java.util.Locale.ROOT, "%s,%s,%s%n", n, d, 2 + 1 / Math.log(n * d)));
            }
        }
        return Files.writeString(folder.resolve("tokens.csv"), csv);
    }

    @Test
    void withoutAFlopsColumnTheBudgetIsSixNDAndRunsWithinTenPercentShareIt() throws IOException {
        IsoflopInputs inputs = IsoflopInputs.read(DataSource.of(paramsAndTokens().toString()));

        assertThat(inputs.budgets()).extracting(IsoflopBudget::points).containsExactly(5, 5, 5);
        assertThat(inputs.budgets()).extracting(IsoflopBudget::flops).satisfiesExactly(
                c -> assertThat(c / 1e18).isCloseTo(1, org.assertj.core.data.Offset.offset(0.01)),
                c -> assertThat(c / 1e19).isCloseTo(1, org.assertj.core.data.Offset.offset(0.01)),
                c -> assertThat(c / 1e20).isCloseTo(1, org.assertj.core.data.Offset.offset(0.01)));
        assertThat(inputs.transforms()).containsExactly(new Transform.ComputeFromTokens().label(),
                "budgets(runs within 10 % in 6*params*tokens, C their geometric mean)");
    }

    @Test
    void runsWithEqualSixNDHaveExactlyThatBudget() throws IOException {
        Path file = Files.writeString(folder.resolve("exact.csv"),
                "params,tokens,loss\n1e8,2e9,3.0\n2e8,1e9,2.9\n4e8,5e8,3.1\n");

        IsoflopInputs inputs = IsoflopInputs.read(DataSource.of(file.toString()));

        assertThat(inputs.budgets()).singleElement().extracting(IsoflopBudget::flops).isEqualTo(1.2e18);
    }

    @Test
    void aDerivedBudgetIsChosenByItsNominalValue() throws IOException {
        IsoflopInputs inputs = IsoflopInputs.read(DataSource.of(paramsAndTokens().toString())).only(List.of(1e19));

        assertThat(inputs.budgets()).singleElement().extracting(IsoflopBudget::points).isEqualTo(5);
    }

    @Test
    void runsWhoseSixNDChainBeyondTenPercentAreRefusedAsNoIsoflopProfiles() throws IOException {
        // a grid of runs, not IsoFLOP profiles: consecutive 6·N·D 5 % apart, 1e18 … 1.28e18
        StringBuilder csv = new StringBuilder("params,tokens,loss\n");
        for (int i = 0; i < 6; i++) {
            csv.append(String.format(java.util.Locale.ROOT, "1e8,%s,3.0%n", 1e18 * Math.pow(1.05, i) / 6e8));
        }
        Path file = Files.writeString(folder.resolve("grid.csv"), csv);

        assertThatThrownBy(() -> IsoflopInputs.read(DataSource.of(file.toString())))
                .isInstanceOf(InputException.class).hasMessageStartingWith(file + ":4: column 'tokens'")
                .hasMessageContaining("10 %").hasMessageContaining("line 2").hasMessageContaining("--column flops");
    }

    @Test
    void aTableWithNeitherFlopsNorTokensAsksForEither() throws IOException {
        Path file = Files.writeString(folder.resolve("runs.csv"), "params,loss\n1e8,3.0\n2e8,2.9\n");

        assertThatThrownBy(() -> IsoflopInputs.read(DataSource.of(file.toString())))
                .isInstanceOf(InputException.class).hasMessageStartingWith(file + ": expected a column for 'flops' (FLOPs, flops, C;")
                .hasMessageContaining("--column flops=COLUMN").hasMessageContaining("'tokens'");
    }

    @Test
    void runsWhoseBudgetsAgreeWithinOnePartInABillionAreOneBudget() {
        // budgets written as 6·N·D with whole token counts: equal up to the rounding of D
        double[] flops = {1.0000000000084475e18, 9.999999999466921e17, 1.0000000000718984e18, 2e18, 2e18};
        double[] sizes = {1e7, 2e7, 4e7, 1e7, 2e7};
        double[] losses = {3.0, 2.9, 3.1, 2.8, 2.7};

        List<IsoflopBudget> budgets = IsoflopInputs.group(flops, sizes, losses);

        assertThat(budgets).hasSize(2);
        assertThat(budgets.get(0).flops()).isEqualTo(9.999999999466921e17);
        assertThat(budgets.get(0).sizes()).containsExactlyInAnyOrder(1e7, 2e7, 4e7);
        assertThat(budgets.get(1).sizes()).containsExactly(1e7, 2e7);
    }

    @Test
    void budgetsThatDifferByMoreThanOnePartInABillionStayApart() {
        double[] flops = {1e18, 1.00000001e18, Double.NaN, Double.NaN};
        double[] sizes = {1e7, 2e7, 3e7, 4e7};
        double[] losses = {3.0, 2.9, 2.8, 2.7};

        List<IsoflopBudget> budgets = IsoflopInputs.group(flops, sizes, losses);

        assertThat(budgets).extracting(IsoflopBudget::points).containsExactly(1, 1, 2);
    }

    @Test
    void eachPointKeepsTheFileLineItCameFrom() {
        double[] flops = {2e18, 1e18, 2e18, 1e18};
        double[] sizes = {1e7, 2e7, 3e7, 4e7};
        double[] losses = {3.0, 2.9, 2.8, 2.7};

        List<IsoflopBudget> budgets = IsoflopInputs.group(flops, sizes, losses, new int[] {2, 3, 5, 6}, RowLocation.LINE);

        assertThat(budgets.get(0).lines()).containsExactly(3, 6);
        assertThat(budgets.get(1).lines()).containsExactly(2, 5);
    }

    @Test
    void checkpointPointsRecordTheCountAndTheArchitectureTheyWereCountedIn() {
        IsoflopInputs inputs = IsoflopInputs.readCheckpoints(DataSource.of("gemstones:hot"),
                org.scalefit.accounting.FlopCount.KAPLAN, org.scalefit.accounting.Architecture.gemstones(),
                List.of(1e19));

        assertThat(inputs.transforms()).containsExactly("checkpoints(kaplan, vocab=50304, seq-len=2048, "
                + "head-size=128, queries-per-group=2, mlp-expansion=4)", "budgets=[1.0E19]");
    }
}
