package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class FitCommandTest {

    @TempDir
    Path folder;

    @Test
    void writesTheResultJsonWithTheFieldsTheIssueNames() throws Exception {
        Path out = folder.resolve("fit.json");
        CliRun run = CliRun.of("fit", "--data", "gemstones:slim_chinchilla", "--law", "chinchilla", "--delta", "1e-3",
                "--threads", "2", "--out", out.toString());
        assertThat(run.exitCode()).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(out.toFile());
        for (String field : org.scalefit.io.FitDocument.requiredFields()) {
            assertThat(json.has(field)).as(field).isTrue();
        }
        assertThat(json.get("provenance").get("data").asString()).isEqualTo("gemstones:slim_chinchilla");
        assertThat(json.get("provenance").get("data_sha256").asString()).hasSize(64);
    }

    @Test
    void theResultHoldsANaturalScaleABAndEBesideTheLogSpaceValues() throws Exception {
        Path out = folder.resolve("fit.json");
        assertThat(CliRun.of("fit", "--data", "gemstones:slim_chinchilla", "--delta", "1e-3", "--threads", "2",
                "--out", out.toString()).exitCode()).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(out.toFile());
        JsonNode natural = json.get("natural_scale");

        assertThat(natural.get("A").asDouble()).isEqualTo(Math.exp(json.get("coefficients").get(0).asDouble()));
        assertThat(natural.get("B").asDouble()).isEqualTo(Math.exp(json.get("coefficients").get(1).asDouble()));
        assertThat(natural.get("E").asDouble()).isEqualTo(Math.exp(json.get("irreducible_error").asDouble()));
        assertThat(natural.get("coefficients").get(0).asDouble()).isEqualTo(natural.get("A").asDouble());
        assertThat(natural.get("irreducible_error").asDouble()).isEqualTo(natural.get("E").asDouble());
    }

    @Test
    void resultIsTheSameBytesWhateverTheThreadCount() throws Exception {
        Path one = folder.resolve("one.json");
        Path two = folder.resolve("two.json");
        assertThat(CliRun.of("fit", "--data", "gemstones:hot", "--delta", "1e-3", "--threads", "1", "--out", one.toString())
                .exitCode()).isZero();
        assertThat(CliRun.of("fit", "--data", "gemstones:hot", "--delta", "1e-3", "--threads", "2", "--no-cache", "--out", two.toString())
                .exitCode()).isZero();
        JsonMapper mapper = JsonMapper.builder().build();
        ObjectNode a = (ObjectNode) mapper.readTree(one.toFile());
        ObjectNode b = (ObjectNode) mapper.readTree(two.toFile());
        for (String runField : new String[] {"run", "threads", "seconds"}) {
            a.remove(runField);
            b.remove(runField);
        }
        assertThat(mapper.writeValueAsString(a)).isEqualTo(mapper.writeValueAsString(b));
    }

    @Test
    void gemstonesFormatHasTheParameterFileShape() throws Exception {
        Path out = folder.resolve("g.json");
        assertThat(CliRun.of("fit", "--data", "gemstones:slim_chinchilla", "--delta", "1e-3", "--format", "gemstones",
                "--out", out.toString()).exitCode()).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(out.toFile());
        assertThat(json.get("success").get("0").asBoolean()).isTrue();
        assertThat(json.get("exponents").get("0")).hasSize(2);
        assertThat(json.get("irreducible_error").has("0")).isTrue();
    }

    @Test
    void badValueNamesFileLineAndColumnExitsThreeAndWritesNothing() throws Exception {
        Path data = folder.resolve("runs.csv");
        Files.writeString(data, "params_active_precise,tokens,final_loss\n1e8,1e9,3.1\n2e8,2e9,-1\n4e8,4e9,2.9\n");
        Path out = folder.resolve("never.json");
        CliRun run = CliRun.of("fit", "--data", data.toString(), "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("runs.csv:3").contains("final_loss");
        assertThat(out).doesNotExist();
        try (var files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("runs.csv");
        }
    }

    @Test
    void customColumnNamesAreMappedWithColumnOptions() throws Exception {
        Path data = folder.resolve("runs.csv");
        StringBuilder csv = new StringBuilder("N,D,L\n");
        double[] sizes = {1e7, 3e7, 1e8, 3e8};
        double[] tokens = {1e9, 3e9, 1e10};
        for (double n : sizes) {
            for (double d : tokens) {
                csv.append(n).append(',').append(d).append(',')
                        .append(1.7 + 400 / Math.pow(n, 0.34) + 410 / Math.pow(d, 0.28)).append('\n');
            }
        }
        Files.writeString(data, csv);
        CliRun run = CliRun.of("fit", "--data", data.toString(), "--column", "params=N", "--column", "tokens=D",
                "--column", "loss=L", "--threads", "2");
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void anEvaluationBudgetOfFiveIsReportedAsNotConvergedWithExitCodeFour() throws Exception {
        Path out = folder.resolve("budget.json");
        CliRun run = CliRun.of("fit", "--data", "gemstones:slim_chinchilla", "--delta", "1e-3", "--threads", "2",
                "--max-evaluations", "5", "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(ScalefitCommand.EXIT_FIT_FAILED);
        assertThat(run.out()).contains("NOT CONVERGED");
        JsonNode json = JsonMapper.builder().build().readTree(out.toFile());
        assertThat(json.get("success").asBoolean()).isFalse();
        assertThat(json.get("status").asString()).isEqualTo("not_stationary");
        assertThat(json.get("stationarity").get("stationary").asBoolean()).isFalse();
        assertThat(json.get("warnings").get(0).asString()).startsWith("not converged:");
    }

    @Test
    void anEvaluationBudgetThatStopsStartsIsSaidInTheResultBesideNotConverged() throws Exception {
        Path out = folder.resolve("budget.json");
        CliRun run = CliRun.of("fit", "--data", "gemstones:slim_chinchilla", "--delta", "1e-3", "--threads", "2",
                "--max-evaluations", "5", "--out", out.toString());
        JsonNode json = JsonMapper.builder().build().readTree(out.toFile());
        long cut = json.get("budget_cut_starts").asLong();
        assertThat(cut).isPositive();
        assertThat(run.out()).contains("warning: budget cut: " + cut + " of " + json.get("starts").asLong()
                + " starts were stopped by the evaluation limit (5 per start)");
        assertThat(json.get("warnings").get(1).asString()).startsWith("budget cut: " + cut);
    }

    @Test
    void aWrittenLawAtATestedMinimumOfASearchTheBudgetCutIsNotConverged() throws Exception {
        Path out = folder.resolve("budget.json");
        CliRun run = CliRun.of("fit", "--data", "datablations:c4_published_fit", "--law", "data-constrained",
                "--threads", "2", "--max-evaluations", "20", "--out", out.toString());
        JsonNode json = JsonMapper.builder().build().readTree(out.toFile());
        assertThat(json.get("stationarity").get("stationary").asBoolean()).isTrue();
        assertThat(json.get("status").asString()).isEqualTo("budget_cut");
        assertThat(json.get("success").asBoolean()).isFalse();
        assertThat(json.get("budget_cut_starts").asLong()).isEqualTo(7);
        assertThat(run.exitCode()).isEqualTo(ScalefitCommand.EXIT_FIT_FAILED);
        assertThat(run.out()).contains("BUDGET CUT:").doesNotContain("NOT CONVERGED")
                .contains("warning: budget cut: 7 of 16 starts were stopped by the evaluation limit (20 per start)");
    }

    @Test
    void aFitTheDefaultBudgetDoesNotCutHasNoBudgetField() throws Exception {
        Path out = folder.resolve("fit.json");
        assertThat(CliRun.of("fit", "--data", "datablations:c4_published_fit", "--law", "data-constrained",
                "--threads", "2", "--out", out.toString()).exitCode()).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(out.toFile());
        assertThat(json.get("status").asString()).isEqualTo("converged");
        assertThat(json.has("budget_cut_starts")).isFalse();
    }

    @Test
    void aConvergedFitCarriesTheEvidenceOfItsStationarity() throws Exception {
        Path out = folder.resolve("fit.json");
        assertThat(CliRun.of("fit", "--data", "gemstones:slim_chinchilla", "--delta", "1e-3", "--threads", "2",
                "--out", out.toString()).exitCode()).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(out.toFile());
        assertThat(json.get("status").asString()).isEqualTo("converged");
        JsonNode stationarity = json.get("stationarity");
        assertThat(stationarity.get("stationary").asBoolean()).isTrue();
        assertThat(stationarity.get("relative_decrease").asDouble())
                .isLessThanOrEqualTo(stationarity.get("decrease_tolerance").asDouble());
        assertThat(json.get("recognition").get("cut_any").asBoolean()).as("a 2-input grid runs every start to its end")
                .isFalse();
        assertThat(json.get("recognition").get("starts_cut").asLong()).isZero();
    }

    @Test
    void unknownLawIsAUsageError() {
        CliRun run = CliRun.of("fit", "--data", "gemstones:hot", "--law", "kaplan-2020");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unknown law");
    }

    /** --fix, --bootstrap, … shape a law written as text; a built-in law would silently fit without them. */
    @Test
    void optionsOfALawWrittenAsTextAreRefusedForABuiltInLaw() {
        CliRun run = CliRun.of("fit", "--data", "gemstones:hot", "--law", "width-depth", "--fix", "E=1",
                "--bootstrap", "10", "--no-store");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--fix, --bootstrap: for a law written as text or file")
                .contains("scalefit bootstrap --fit");
    }

    @Test
    void parquetOutIsOneRowHoldingTheJsonResultsValues() throws Exception {
        Path json = folder.resolve("fit.json");
        Path parquet = folder.resolve("fit.parquet");
        String[] fit = {"fit", "--data", "gemstones:slim_chinchilla", "--delta", "1e-3", "--threads", "2",
                "--no-cache", "--out"};
        assertThat(CliRun.of(concat(fit, json.toString())).exitCode()).isZero();
        assertThat(CliRun.of(concat(fit, parquet.toString())).exitCode()).isZero();
        JsonNode expected = JsonMapper.builder().build().readTree(json.toFile());
        try (java.sql.Connection duckdb = java.sql.DriverManager.getConnection("jdbc:duckdb:");
             java.sql.Statement statement = duckdb.createStatement();
             java.sql.ResultSet rows = statement.executeQuery("SELECT * FROM read_parquet('"
                     + parquet.toString().replace("'", "''") + "')")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString("law")).isEqualTo(expected.get("law").asString());
            assertThat(rows.getDouble("delta")).isEqualTo(expected.get("delta").asDouble());
            assertThat(rows.getDouble("loss")).isEqualTo(expected.get("loss").asDouble());
            assertThat(doubles(rows.getArray("exponents"))).containsExactly(doubles(expected.get("exponents")));
            assertThat(doubles(rows.getArray("coefficients"))).containsExactly(doubles(expected.get("coefficients")));
            assertThat(rows.getDouble("irreducible_error")).isEqualTo(expected.get("irreducible_error").asDouble());
            assertThat(rows.getLong("starts")).isEqualTo(expected.get("starts").asLong());
            assertThat(rows.getLong("successful_starts")).isEqualTo(expected.get("successful_starts").asLong());
            JsonNode provenance = expected.get("provenance");
            assertThat(rows.getString("data")).isEqualTo("gemstones:slim_chinchilla");
            assertThat(rows.getString("data_sha256")).isEqualTo(provenance.get("data_sha256").asString());
            assertThat(rows.getString("scalefit_version")).isEqualTo(provenance.get("scalefit_version").asString());
            assertThat(rows.next()).isFalse();
        }
    }

    @Test
    void hdfsDataWithTheLocalEngineIsAUsageErrorNamingTheSparkEngine() {
        CliRun run = CliRun.of("fit", "--data", "hdfs://namenode/runs/hot.jsonl", "--threads", "2", "--no-cache");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("hdfs://namenode/runs/hot.jsonl").contains("--engine spark");
    }

    /** 7 distinct (params, tokens) points, each measured 3 times: 21 rows of a Chinchilla law with small noise. */
    private Path repeatedPoints() throws java.io.IOException {
        StringBuilder csv = new StringBuilder("params,tokens,loss\n");
        double[][] points = {{1e7, 5}, {1e7, 80}, {1e8, 5}, {1e8, 20}, {1e8, 80}, {1e9, 5}, {1e9, 80}};
        for (double[] point : points) {
            double n = point[0];
            double d = n * point[1];
            double loss = 1.7 + 400 / Math.pow(n, 0.34) + 410 / Math.pow(d, 0.28);
            for (int r = -1; r <= 1; r++) {
                csv.append(String.format(java.util.Locale.ROOT, "%s,%s,%.6f%n", n, d, loss * (1 + 0.003 * r)));
            }
        }
        return Files.writeString(folder.resolve("repeated.csv"), csv);
    }

    @Test
    void rowsRepeatedAtTheSameInputsArePrintedWithTheirDistinctPointCount() throws Exception {
        Path out = folder.resolve("fit.json");
        CliRun run = CliRun.of("fit", "--data", repeatedPoints().toString(), "--threads", "2", "--no-store",
                "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("chinchilla law on 21 points (7 distinct), ");
        JsonNode json = JsonMapper.builder().build().readTree(out.toFile());
        assertThat(json.get("points").asInt()).isEqualTo(21);
        assertThat(json.get("distinct_points").asInt()).isEqualTo(7);
    }

    @Test
    void aLawWrittenAsTextIsPrintedWithTheDistinctPointCountOfRepeatedRows() throws Exception {
        Path out = folder.resolve("fit.json");
        CliRun run = CliRun.of("fit", "--data", repeatedPoints().toString(), "--law", "E + A/N^alpha + B/D^beta",
                "--log", "E,A,B", "--threads", "2", "--no-store", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("user law on 21 points (7 distinct; log residuals, ");
        JsonNode json = JsonMapper.builder().build().readTree(out.toFile());
        assertThat(json.get("points").asInt()).isEqualTo(21);
        assertThat(json.get("distinct_points").asInt()).isEqualTo(7);
    }

    @Test
    void pointsThatAreAllDistinctArePrintedAsACountAlone() throws Exception {
        CliRun run = CliRun.of("fit", "--data", "gemstones:slim_chinchilla", "--threads", "2", "--no-store");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("^chinchilla law on \\d+ points, ");
    }

    /** Runs of Gadre et al.'s over-training law at 5 sizes and 3 token multipliers, as params, tokens and loss. */
    private String overtrainingRuns(boolean withTokensPerParam) {
        StringBuilder csv = new StringBuilder(withTokensPerParam ? "params,tokens,tokens_per_param,loss\n"
                : "params,tokens,loss\n");
        for (double n : new double[] {1e7, 3e7, 1e8, 3e8, 1e9}) {
            for (double m : new double[] {5, 20, 80}) {
                double loss = 1.7 + 400 / Math.pow(n, 0.34) + 410 / Math.pow(m * n, 0.28);
                csv.append(n).append(',').append(m * n).append(',')
                        .append(withTokensPerParam ? m + "," : "").append(loss).append('\n');
            }
        }
        return csv.toString();
    }

    @Test
    void theOvertrainingLawDerivesTokensPerParamFromTokensAndParamsAndRecordsIt() throws Exception {
        Path data = Files.writeString(folder.resolve("runs.csv"), overtrainingRuns(false));
        Path out = folder.resolve("fit.json");
        CliRun run = CliRun.of("fit", "--data", data.toString(), "--law", "gadre-overtraining", "--threads", "2",
                "--no-store", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(out.toFile());
        assertThat(json.get("provenance").get("transforms").toString()).contains("tokens_per_param=tokens/params");
        assertThat(json.get("points").asInt()).isEqualTo(15);
    }

    @Test
    void aTokensPerParamColumnThatIsNotTokensOverParamsIsRefusedAtItsLineRatherThanFittedAsM() throws Exception {
        // Chinchilla multipliers (M/20, as Gadre et al.'s files store them) under the name tokens_per_param: a fit on
        // them has β off by 20^b, and predict --at params,tokens derives M = D/N on the other scale
        String runs = overtrainingRuns(true).replace(",5.0,", ",0.25,").replace(",20.0,", ",1.0,")
                .replace(",80.0,", ",4.0,");
        Path data = Files.writeString(folder.resolve("multipliers.csv"), runs);
        Path out = folder.resolve("multipliers.json");
        CliRun run = CliRun.of("fit", "--data", data.toString(), "--law", "gadre-overtraining", "--threads", "2",
                "--no-store", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
        assertThat(run.err()).contains(data + ":2: column 'tokens_per_param'").contains("tokens/params = 5")
                .contains("found 0.25");
        assertThat(out).doesNotExist();
    }

    @Test
    void theOvertrainingLawSaysItDerivedTokensPerParam() throws Exception {
        Path data = Files.writeString(folder.resolve("runs.csv"), overtrainingRuns(false));
        CliRun run = CliRun.of("fit", "--data", data.toString(), "--law", "gadre-overtraining", "--threads", "2",
                "--no-store");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains(data + ": M = tokens/params");
    }

    @Test
    void theOvertrainingLawDerivesTokensPerParamFromStandardInput() {
        InputStream original = System.in;
        System.setIn(new ByteArrayInputStream(overtrainingRuns(false).getBytes(StandardCharsets.UTF_8)));
        try {
            CliRun run = CliRun.of("fit", "--data", "-", "--law", "gadre-overtraining", "--threads", "2",
                    "--no-store");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.err()).contains("standard input: M = tokens/params");
        } finally {
            System.setIn(original);
        }
    }

    @Test
    void theOvertrainingLawReadsATokensPerParamColumnWhenTheTableHasOne() throws Exception {
        Path data = Files.writeString(folder.resolve("runs.csv"), overtrainingRuns(true));
        Path out = folder.resolve("fit.json");
        CliRun run = CliRun.of("fit", "--data", data.toString(), "--law", "gadre-overtraining", "--threads", "2",
                "--no-store", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(out.toFile());
        assertThat(json.get("provenance").get("transforms").toString()).doesNotContain("tokens_per_param");
    }

    @Test
    void theOvertrainingLawOnATableWithoutTokensStillNamesTheMissingTokensPerParamColumn() throws Exception {
        Path data = Files.writeString(folder.resolve("runs.csv"), "params,loss\n1e7,3.1\n1e8,2.9\n1e9,2.7\n");
        CliRun run = CliRun.of("fit", "--data", data.toString(), "--law", "gadre-overtraining", "--no-store");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("input 'M' reads column 'tokens_per_param'");
    }

    /** An error rate falling with params to exactly 0 at the largest model. */
    private Path errorRates() throws java.io.IOException {
        StringBuilder csv = new StringBuilder("params,err\n");
        for (double n : new double[] {1e7, 3e7, 1e8, 3e8, 1e9, 3e9, 1e10, 3e10}) {
            double err = Math.max(0, 0.5 * Math.pow(1e8 / n, 0.3) - 0.12);
            csv.append(String.format(java.util.Locale.ROOT, "%s,%.6f%n", n, err));
        }
        return Files.writeString(folder.resolve("errors.csv"), csv);
    }

    @Test
    void anExactZeroIsFittedOnTheRawResidualScale() throws Exception {
        CliRun run = CliRun.of("fit", "--data", errorRates().toString(), "--law", "E + A/N^alpha", "--column",
                "loss=err", "--residual", "raw", "--threads", "2", "--no-store");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("user law on 8 points (raw residuals");
    }

    @Test
    void anExactZeroIsRefusedOnTheLogResidualScaleNamingItsLine() throws Exception {
        CliRun run = CliRun.of("fit", "--data", errorRates().toString(), "--law", "E + A/N^alpha", "--column",
                "loss=err", "--threads", "2", "--no-store");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("errors.csv:9: column 'err': expected a positive finite number, found "
                + "\"0.000000\"");
    }

    private static String[] concat(String[] args, String last) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = last;
        return all;
    }

    private static double[] doubles(java.sql.Array array) throws java.sql.SQLException {
        Object[] values = (Object[]) array.getArray();
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = ((Number) values[i]).doubleValue();
        }
        return result;
    }

    private static double[] doubles(JsonNode array) {
        double[] result = new double[array.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = array.get(i).asDouble();
        }
        return result;
    }
}
