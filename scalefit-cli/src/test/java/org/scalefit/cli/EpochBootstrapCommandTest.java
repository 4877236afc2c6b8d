package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code scalefit bootstrap} on Epoch AI's Chinchilla points (Besiroglu et al. 2024, {@code data_analysis.ipynb}):
 * Fit B and its intervals, the tests against Hoffmann et al.'s law and the tokens-per-parameter policy band as the
 * command prints and writes them, independent of the thread count, and its usage errors. The numbers themselves are
 * checked against the published ones through the library in scalefit-reproduce
 * ({@code PublishedEpochUncertaintyTest}, {@code PublishedEpochTestsAgainstChinchillaTest}).
 */
class EpochBootstrapCommandTest {

    /**
     * Ten points of a Chinchilla-form law (α 0.34, β 0.28, A 406.4, B 410.7, E 1.69) at random sizes with 1 %
     * log-normal noise: Fit B's L-BFGS runs out of evaluations where a step along the gradient still lowers NLL by
     * 2·10⁻⁸ of itself; the polish reaches a tested minimum.
     */
    private static final String RUNS_STOPPED_A_HAIR_FROM_THE_MINIMUM = """
            params,tokens,loss
            1.402030288028467E8,3.6029979069596356E8,4.050346935394226
            1.296266113854998E8,4.335939548085255E10,2.8385686206448693
            2.2513982914946514E8,9.124757945750264E10,2.6234630946218354
            9.125352612770126E9,4.4198706098865855E8,3.354902109638242
            3.1586217528254128E9,5.9377908870479614E10,2.3214689605884766
            3.312045206553385E9,9.03076247131634E8,3.226832493114273
            1.0354573510136108E9,8.390347481458168E10,2.3992947806903517
            7.610881864083883E8,2.997894008758075E11,2.3350358954451367
            4.33795330176482E9,8.422941041337952E10,2.232999375235509
            7.363932035924245E7,1.558081525247023E9,3.6316654752322126
            """;

    /**
     * Nine points of the same law with 0.01 % noise, nearly on the law: the likelihood has its maximum near
     * σ ≈ e^−16.7 (ten times the evaluations reach NLL −73.0597 there, where rounding moves NLL by half of what the
     * stationarity test resolves: the scale is resolved), but neither L-BFGS nor its polish, each with 40 000
     * evaluations, reach a point where no tested step lowers NLL (one still lowers it by 1.5·10⁻³ of itself).
     */
    private static final String NOT_STATIONARY_RUNS = """
            params,tokens,loss
            9.940259410217535E9,5.852430186313614E9,2.608405690891602
            1.6798215793152164E10,4.596102163310651E8,3.367684517701279
            1.4170481979637426E8,8.369488326792181E10,2.7370378830108266
            1.500413547645988E10,4.44840573734645E9,2.647513153811173
            1.1543057959212687E9,1.539770200032095E10,2.6035420684380925
            1.1170992272441046E9,9.169223935149876E9,2.6976087277548086
            1.7045098349990597E8,1.4771293555641937E11,2.642155568874102
            2.6114202948381157E9,2.880918660942835E11,2.1996864986113898
            8.91668083297631E9,1.80755339397427E10,2.4104384312494402
            """;

    /**
     * Eight points of Epoch's law (α 0.348, β 0.366, A 482, B 2085.4, E 1.817) with 10⁻⁶ relative noise: the law
     * fits them almost exactly, and the likelihood's maximum lies at σ ≈ e⁻²², below what double precision resolves.
     */
    private static final String RUNS_ON_THE_LAW_TO_A_MILLIONTH = """
            params,tokens,loss
            100000000.0,2000000000.0,3.4318524020116183
            300000000.0,6000000000.0,2.9077963555288955
            1000000000.0,20000000000.0,2.5266767087236794
            3000000000.0,50000000000.0,2.3128084688084014
            10000000000.0,200000000000.0,2.129012844226311
            400000000.0,1000000000.0,3.365964225305649
            2000000000.0,100000000000.0,2.2928642233803997
            6000000000.0,20000000000.0,2.361664410237993
            """;

    /** Nine points of the same law with 0.1 % noise: one of the 20 refits of seed 42 ends at the precision floor. */
    private static final String RUNS_WITH_A_REFIT_AT_THE_FLOOR = """
            params,tokens,loss
            7.724152563369267E9,6.418430606909152E10,2.2513515116365443
            1.2751527723336887E9,2.128965211135996E10,2.5484020859587484
            5.2907066759673685E8,2.4433568483437405E10,2.6401664151542694
            4.671646892020921E9,9.839355359198175E10,2.24632247009264
            2.4958568454258304E9,7.973800854284102E8,3.2740773956391944
            1.659099755219071E8,6.569241045346773E8,3.741429157572434
            1.3552539156698433E10,9.138588712072805E8,3.109948666248566
            8.280600957367749E9,6.020558362614107E8,3.2907335281264998
            7.3643662338487E8,2.8525899621028447E9,3.001568574808398
            """;

    @Test
    void bootstrapCommandPrintsFitBAndIntervalsAndWritesJson(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("boot.json");
        CliRun run = CliRun.of("bootstrap", "--data", "chinchilla:epoch", "--drop-highest-losses", "5",
                "--resamples", "200", "--seed", "42", "--threads", "2", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("240 points").contains("482.0057").contains("2085.434").contains("1.816864")
                .contains("0.3478130").contains("0.3658541").contains("200 resamples");
        String json = Files.readString(out);
        assertThat(json).contains("\"percentile_2.5\"").contains("\"standard_errors\"").contains("\"log_scale\"");
        assertThat(CliRun.of("bootstrap", "--data", "chinchilla:epoch", "--resamples", "1").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("bootstrap", "--data", "chinchilla:epoch", "--stream", "mt").exitCode()).isEqualTo(2);
    }

    @Test
    void bootstrapCommandPrintsTestsAndPolicyAndWritesThemWhateverTheThreads(@TempDir Path dir) throws Exception {
        String[] common = {"bootstrap", "--data", "chinchilla:epoch", "--drop-highest-losses", "5", "--resamples",
                "200", "--policy-draws", "2000", "--seed", "42"};
        Path one = dir.resolve("one.json");
        Path two = dir.resolve("two.json");
        CliRun run = CliRun.of(concat(common, "--threads", "1", "--out", one.toString()));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("tests against chinchilla-unrounded").contains("Wald chi2 (df 5")
                .contains("two-sample t (df 478): t = 2.9084").contains("fitted points (240, df 5): 84.00")
                .contains("all points (245, df 5): 86.75").contains("reference model")
                .contains("72.8653").contains("18.3476").contains("p10").contains("p90");
        assertThat(CliRun.of(concat(common, "--threads", "2", "--out", two.toString())).exitCode()).isZero();
        JsonMapper mapper = JsonMapper.builder().build();
        JsonNode first = mapper.readTree(Files.readString(one));
        JsonNode second = mapper.readTree(Files.readString(two));
        assertThat(second.get("tests")).isEqualTo(first.get("tests"));
        assertThat(second.get("policy")).isEqualTo(first.get("policy"));
        assertThat(first.get("policy").get("rows")).hasSize(200);
        assertThat(first.get("policy").get("rows").get(115).has("p10")).isTrue();
        assertThat(first.get("tests").get("likelihood_ratio").get("all_points").get("points").asInt()).isEqualTo(245);
        assertThat(first.get("tests").get("wald").get("degrees_of_freedom").asDouble()).isEqualTo(5);
        assertThat(first.has("estimate") && first.get("bootstrap").has("standard_errors")).isTrue();
    }

    @Test
    void runsOfTwoModelSizesCannotIdentifyTheLawSoNothingIsEstimatedOrWritten(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("params,tokens,loss\n");
        for (double n : new double[] {2e8, 4e8}) {
            for (double d = 2e9; d < 4e10; d *= 2) {
                csv.append(n).append(',').append(d).append(',')
                        .append(1.69 + 406.4 * Math.pow(n, -0.34) + 410.7 * Math.pow(d, -0.28)).append('\n');
            }
        }
        Path data = Files.writeString(dir.resolve("two-sizes.csv"), csv);
        Path out = dir.resolve("boot.json");

        CliRun run = CliRun.of("bootstrap", "--data", data.toString(), "--resamples", "20", "--policy-draws", "0",
                "--out", out.toString());

        assertThat(run.exitCode()).as(run.out()).isEqualTo(5);
        assertThat(run.err()).contains("two-sizes.csv").contains("the data cannot identify the law")
                .doesNotContain("params takes 2 distinct values");
        assertThat(run.out()).contains("params takes 2 distinct values");
        assertThat(out).doesNotExist();
    }

    /**
     * Nine runs (3 sizes × 3 token counts, noisy) on which Fit B's L-BFGS stops in a failed line search at a point the
     * stationarity test verifies: converged at the precision floor, with the test's figures, exit 0.
     */
    @Test
    void aFailedLineSearchAtAVerifiedMinimumIsConvergedAtThePrecisionFloor(@TempDir Path dir) throws Exception {
        Path data = Files.writeString(dir.resolve("nine.csv"), """
                params,tokens,loss
                5e+07,2e+09,3.693992
                5e+07,8e+09,3.373844
                5e+07,3.2e+10,3.131760
                2e+08,2e+09,3.312946
                2e+08,8e+09,2.960062
                2e+08,3.2e+10,2.754562
                1.6e+09,2e+09,3.014596
                1.6e+09,8e+09,2.672223
                1.6e+09,3.2e+10,2.464380
                """);
        Path out = dir.resolve("boot.json");

        CliRun run = CliRun.of("bootstrap", "--data", data.toString(), "--resamples", "20", "--policy-draws", "0",
                "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("LINE_SEARCH_FAILED").contains("converged at the precision floor")
                .contains("stationary: no tested step lowers NLL by more than 1e-12 of it")
                .doesNotContain("NOT CONVERGED").doesNotContain("did not converge");
        JsonNode estimate = JsonMapper.builder().build().readTree(Files.readString(out)).get("estimate");
        assertThat(estimate.get("convergence").asString()).isEqualTo("converged_at_precision_floor");
        assertThat(estimate.get("polished").asBoolean()).isFalse();
        assertThat(estimate.get("stationarity").get("stationary").asBoolean()).isTrue();
        assertThat(estimate.get("stationarity").has("relative_decrease")).isTrue();
    }

    /**
     * Ten runs of a known law with 1 % noise on which Fit B's L-BFGS runs out of evaluations a hair from the minimum:
     * polished to a tested minimum, converged at the precision floor, written with polished true, exit 0.
     */
    @Test
    void aFitBStoppedAHairFromTheMinimumIsPolishedAndConverged(@TempDir Path dir) throws Exception {
        Path data = Files.writeString(dir.resolve("ten-random.csv"), RUNS_STOPPED_A_HAIR_FROM_THE_MINIMUM);
        Path out = dir.resolve("boot.json");

        CliRun run = CliRun.of("bootstrap", "--data", data.toString(), "--resamples", "20", "--policy-draws", "0",
                "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("EVALUATION_LIMIT").contains("converged at the precision floor")
                .contains("polished to a tested local minimum")
                .contains("stationary: no tested step lowers NLL by more than 1e-12 of it")
                .doesNotContain("NOT CONVERGED");
        JsonNode estimate = JsonMapper.builder().build().readTree(Files.readString(out)).get("estimate");
        assertThat(estimate.get("convergence").asString()).isEqualTo("converged_at_precision_floor");
        assertThat(estimate.get("polished").asBoolean()).isTrue();
        assertThat(estimate.get("stationarity").get("stationary").asBoolean()).isTrue();
    }

    /**
     * Nine runs nearly on a known law, on which neither Fit B's L-BFGS nor its polish reach a tested minimum:
     * NOT CONVERGED, written with convergence not_stationary and polished true, exit 4 as scalefit fit's
     * not_stationary.
     */
    @Test
    void aFitBThatIsNotStationaryAfterItsPolishIsNotConvergedAndExitsAsFitDoes(@TempDir Path dir) throws Exception {
        Path data = Files.writeString(dir.resolve("nine-near-exact.csv"), NOT_STATIONARY_RUNS);
        Path out = dir.resolve("boot.json");

        CliRun run = CliRun.of("bootstrap", "--data", data.toString(), "--resamples", "20", "--policy-draws", "0",
                "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ScalefitCommand.EXIT_FIT_FAILED);
        assertThat(run.out()).contains("EVALUATION_LIMIT, then polished").contains("NOT CONVERGED")
                .contains("not a tested local minimum").contains("not stationary: a tested step lowers NLL");
        assertThat(run.err()).contains("NOT CONVERGED");
        JsonNode estimate = JsonMapper.builder().build().readTree(Files.readString(out)).get("estimate");
        assertThat(estimate.get("convergence").asString()).isEqualTo("not_stationary");
        assertThat(estimate.get("polished").asBoolean()).isTrue();
        assertThat(estimate.get("stationarity").get("stationary").asBoolean()).isFalse();
    }

    /**
     * On points the law fits to a millionth, Fit B's scale is below what double precision resolves: the result says
     * so in words (why, what it means, what to fit instead), is written with convergence scale_below_precision and
     * the warning, and the command exits 4 as for a Fit B that is not converged.
     */
    @Test
    void aTableTheLawFitsAlmostExactlyIsDiagnosedAsAScaleBelowPrecisionAndExitsAsNotConverged(@TempDir Path dir)
            throws Exception {
        Path data = Files.writeString(dir.resolve("eight-near-exact.csv"), RUNS_ON_THE_LAW_TO_A_MILLIONTH);
        Path out = dir.resolve("boot.json");

        CliRun run = CliRun.of("bootstrap", "--data", data.toString(), "--resamples", "20", "--policy-draws", "0",
                "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ScalefitCommand.EXIT_FIT_FAILED);
        assertThat(run.out()).contains("NOT CONVERGED").contains("below what double precision resolves")
                .contains("fits these 8 points almost exactly").contains("scalefit fit");
        assertThat(run.err()).contains("below what double precision resolves");
        JsonNode estimate = JsonMapper.builder().build().readTree(Files.readString(out)).get("estimate");
        assertThat(estimate.get("convergence").asString()).isEqualTo("scale_below_precision");
        assertThat(estimate.get("warning").asString()).contains("below what double precision resolves");
    }

    /** The refits of the bootstrap that did not converge are counted, at the precision floor or failed. */
    @Test
    void refitsThatDidNotConvergeAreCountedInTheOutputAndTheDocument(@TempDir Path dir) throws Exception {
        Path data = Files.writeString(dir.resolve("nine-random.csv"), RUNS_WITH_A_REFIT_AT_THE_FLOOR);
        Path out = dir.resolve("boot.json");

        CliRun run = CliRun.of("bootstrap", "--data", data.toString(), "--resamples", "20", "--policy-draws", "0",
                "--out", out.toString());

        JsonNode bootstrap = JsonMapper.builder().build().readTree(Files.readString(out)).get("bootstrap");
        int converged = bootstrap.get("converged").asInt();
        int floor = bootstrap.get("at_precision_floor").asInt();
        int failed = bootstrap.get("failed").asInt();
        assertThat(converged).isLessThan(20);
        assertThat(converged + floor + failed).isEqualTo(20);
        assertThat(bootstrap.get("failed_replicates")).hasSize(failed);
        assertThat(run.out()).contains(String.format("refits: %d converged, %d at the precision floor, %d failed",
                converged, floor, failed));
    }

    /**
     * Refits whose search stopped where a tested step still lowered the Huber sum are polished before they are
     * counted (on points the law fits to a millionth, most are): how many is printed and written.
     */
    @Test
    void polishedRefitsAreCountedInTheOutputAndTheDocument(@TempDir Path dir) throws Exception {
        Path data = Files.writeString(dir.resolve("eight-near-exact.csv"), RUNS_ON_THE_LAW_TO_A_MILLIONTH);
        Path out = dir.resolve("boot.json");

        CliRun run = CliRun.of("bootstrap", "--data", data.toString(), "--resamples", "20", "--policy-draws", "0",
                "--out", out.toString());

        int polished = JsonMapper.builder().build().readTree(Files.readString(out)).get("bootstrap").get("polished")
                .asInt();
        assertThat(polished).isPositive();
        assertThat(run.out()).contains("; " + polished + " polished");
    }

    @Test
    void badPolicyOptionsAreUsageErrors() {
        String[] common = {"bootstrap", "--data", "chinchilla:epoch", "--resamples", "10"};
        CliRun range = CliRun.of(concat(common, "--policy-compute", "18:28"));
        assertThat(range.exitCode()).isEqualTo(2);
        assertThat(range.err()).contains("--policy-compute must be FROM:TO:STEP");
        assertThat(CliRun.of(concat(common, "--policy-draws", "-1")).exitCode()).isEqualTo(2);
        assertThat(CliRun.of(concat(common, "--reference", "kaplan")).exitCode()).isEqualTo(2);
    }

    private static String[] concat(String[] head, String... tail) {
        String[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }
}
