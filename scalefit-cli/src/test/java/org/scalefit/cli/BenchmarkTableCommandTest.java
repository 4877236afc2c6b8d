package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code scalefit benchmarks --data FILE}: the downstream laws fitted to a user's own table of losses and scores. */
class BenchmarkTableCommandTest {

    /** The law the synthetic tables are drawn from: Err(L) = ε − k·e^(−γ·L). */
    private static final double EPSILON = 0.75;
    private static final double K = 8.0;
    private static final double GAMMA = 1.6;
    /** The noise added to each error: normal with this standard deviation, seeded. */
    private static final double NOISE = 0.002;

    @TempDir
    Path folder;

    /**
     * A CSV of 31 models, losses 2.0, 2.1, …, 5.0, each with its accuracy 1 − Err(L) + noise, under the header
     * {@code model,LOSS,SCORE} ({@code error}: the error itself is written).
     */
    private Path table(String name, String lossColumn, String scoreColumn, boolean error) throws IOException {
        Random random = new Random(20241);
        StringBuilder csv = new StringBuilder("model," + lossColumn + "," + scoreColumn + "\n");
        for (int i = 0; i <= 30; i++) {
            double loss = 2.0 + 0.1 * i;
            double err = EPSILON - K * Math.exp(-GAMMA * loss) + NOISE * random.nextGaussian();
            csv.append(String.format(Locale.ROOT, "m%d,%.4f,%.6f%n", i, loss, error ? err : 1 - err));
        }
        Path file = folder.resolve(name);
        Files.writeString(file, csv);
        return file;
    }

    private static JsonNode json(Path file) throws IOException {
        return JsonMapper.builder().build().readTree(Files.readString(file));
    }

    @Test
    void theErrorLawOfOneMinusTheAccuracyRecoversTheLawTheTableWasDrawnFrom() throws IOException {
        Path data = table("evals.csv", "loss", "acc", false);
        Path out = folder.resolve("fit.json");
        CliRun run = CliRun.of("benchmarks", "--data", data.toString(), "--law", "error", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("31 rows; loss from column 'loss', accuracy from column 'acc'; L in [2.00000, "
                + "5.00000]", "error law Err(L) = ε − k·e^(−γ·L) of err = 1 − accuracy:", "31 points; RSS ",
                "converged").doesNotContain("sigmoid", "predictions");
        JsonNode law = json(out).get("error_law");
        assertThat(law.get("epsilon").asDouble()).isCloseTo(EPSILON, within(0.005));
        assertThat(law.get("k").asDouble()).isCloseTo(K, within(0.1 * K));
        assertThat(law.get("gamma").asDouble()).isCloseTo(GAMMA, within(0.05));
        for (String name : new String[] {"k", "gamma", "epsilon"}) {
            double estimate = law.get(name).asDouble();
            double truth = switch (name) {
                case "k" -> K;
                case "gamma" -> GAMMA;
                default -> EPSILON;
            };
            assertThat(Math.abs(estimate - truth)).as(name).isLessThan(3 * law.at("/standard_errors/" + name)
                    .asDouble());
        }
        assertThat(law.get("r_squared").asDouble()).isGreaterThan(0.999);
        assertThat(law.get("rss").asDouble()).isCloseTo(31 * NOISE * NOISE, within(20 * NOISE * NOISE));
        assertThat(json(out).get("analysis").asString()).isEqualTo("benchmark-table-laws");
        assertThat(json(out).get("score").asString()).isEqualTo("accuracy");
        assertThat(json(out).at("/provenance/data_sha256").asString()).hasSize(64);
    }

    /** Other names are mapped with --column; an error column is fitted as given, the sigmoid to 1 − error. */
    @Test
    void columnMappingReadsAnErrorUnderOtherNames() throws IOException {
        Path data = table("mine.csv", "val_loss", "avg_err", true);
        CliRun unmapped = CliRun.of("benchmarks", "--data", data.toString());
        assertThat(unmapped.exitCode()).isEqualTo(3);
        assertThat(unmapped.err()).contains("mine.csv: expected a column for 'loss' (final_loss or loss; or name it "
                + "with --column loss=COLUMN), found only the columns 'model', 'val_loss', 'avg_err'");
        Path out = folder.resolve("mine.json");
        CliRun run = CliRun.of("benchmarks", "--data", data.toString(), "--column", "loss=val_loss", "--column",
                "error=avg_err", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("loss from column 'val_loss', error from column 'avg_err'",
                "error law Err(L) = ε − k·e^(−γ·L) of error:",
                "sigmoid law acc(L) = a/(1 + e^(−k·(L − L0))) + b of acc = 1 − error:");
        JsonNode json = json(out);
        assertThat(json.get("columns").toString()).isEqualTo("{\"loss\":\"val_loss\",\"error\":\"avg_err\"}");
        assertThat(json.at("/error_law/epsilon").asDouble()).isCloseTo(EPSILON, within(0.005));
        assertThat(json.at("/error_law/gamma").asDouble()).isCloseTo(GAMMA, within(0.05));
        assertThat(json.at("/sigmoid_law/standard_errors").size()).isEqualTo(4);
        assertThat(json.at("/sigmoid_law/p0")).hasSize(4);
    }

    @Test
    void atLossPredictsBothLawsAndWarnsOutsideTheFittedLosses() throws IOException {
        Path data = table("evals.csv", "final_loss", "accuracy", false);
        Path out = folder.resolve("predict.json");
        CliRun run = CliRun.of("benchmarks", "--data", data.toString(), "--at-loss", "2.5,1.5", "--at-loss", "6",
                "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = json(out);
        JsonNode predictions = json.get("predictions");
        assertThat(predictions).hasSize(3);
        double k = json.at("/error_law/k").asDouble();
        double gamma = json.at("/error_law/gamma").asDouble();
        double epsilon = json.at("/error_law/epsilon").asDouble();
        double[] at = {2.5, 1.5, 6};
        for (int i = 0; i < at.length; i++) {
            JsonNode prediction = predictions.get(i);
            assertThat(prediction.get("loss").asDouble()).isEqualTo(at[i]);
            assertThat(prediction.get("error").asDouble()).isCloseTo(epsilon - k * Math.exp(-gamma * at[i]),
                    within(1e-12));
            double a = json.at("/sigmoid_law/a").asDouble();
            double steepness = json.at("/sigmoid_law/k").asDouble();
            double midpoint = json.at("/sigmoid_law/L0").asDouble();
            double b = json.at("/sigmoid_law/b").asDouble();
            assertThat(prediction.get("accuracy").asDouble()).isCloseTo(
                    a / (1 + Math.exp(-steepness * (at[i] - midpoint))) + b, within(1e-12));
            assertThat(prediction.get("extrapolated").asBoolean()).isEqualTo(i > 0);
        }
        org.scalefit.io.BenchmarkTableDocument document = org.scalefit.io.BenchmarkTableDocument.read(out);
        assertThat(document.write()).isEqualTo(Files.readString(out));
        assertThat(document.envelope().analysis()).isEqualTo("benchmark-table-laws");
        assertThat(document.envelope().data()).isEqualTo(data.toString());
        assertThat(predictions.get(0).get("error").asDouble()).isCloseTo(EPSILON - K * Math.exp(-GAMMA * 2.5),
                within(0.005));
        assertThat(run.out()).contains("predictions:").containsPattern("\\n +2\\.50000 +0\\.\\d{6} +0\\.\\d{6}\\n")
                .containsPattern("\\n +1\\.50000 .*\\(extrapolated\\)");
        assertThat(run.err()).contains("warning: --at-loss 1.5 lies outside the fitted losses [2.00000, 5.00000]",
                "warning: --at-loss 6 lies outside").doesNotContain("--at-loss 2.5");
    }

    /** Bad tables stop with exit code 3, a message naming the file, line and column, and no output file. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "non-numeric | loss,acc\\n3.0,0.5\\n2.9,abc\\n2.8,0.6\\n2.7,0.62\\n2.6,0.63\\n"
                + " | bad.csv:3: column 'acc': expected a finite number, found \"abc\"",
        "NaN | loss,acc\\n3.0,0.5\\n2.9,0.55\\n2.8,nan\\n2.7,0.62\\n2.6,0.63\\n"
                + " | bad.csv:4: column 'acc': expected a finite number, found \"nan\"",
        "infinite | loss,acc\\n3.0,0.5\\n2.9,0.55\\n2.8,0.6\\n2.7,inf\\n2.6,0.63\\n"
                + " | bad.csv:5: column 'acc': expected a finite number, found \"inf\"",
        "infinite loss | loss,acc\\n3.0,0.5\\n2.9,0.55\\n2.8,0.6\\n2.7,0.6\\ninf,0.63\\n"
                + " | bad.csv:6: column 'loss': expected a positive finite number, found \"inf\"",
        "empty cell | loss,acc\\n3.0,0.5\\n2.9,\\n2.8,0.6\\n2.7,0.62\\n2.6,0.63\\n"
                + " | bad.csv:3: column 'acc': expected a finite number, found an empty cell",
        "accuracy above 1 | loss,acc\\n3.0,0.5\\n2.9,55\\n2.8,0.6\\n2.7,0.62\\n2.6,0.63\\n"
                + " | bad.csv:3: column 'acc': expected an accuracy in [0, 1], found 55.0",
        "negative error | loss,error\\n3.0,0.5\\n2.9,0.45\\n2.8,-0.4\\n2.7,0.38\\n2.6,0.37\\n"
                + " | bad.csv:4: column 'error': expected an error in [0, 1], found -0.4",
        "missing score | loss,score\\n3.0,0.5\\n2.9,0.55\\n2.8,0.6\\n2.7,0.62\\n2.6,0.63\\n"
                + " | bad.csv: expected a column for 'accuracy' (accuracy or acc) or for 'error' (error or err), or "
                + "name one with --column accuracy=COLUMN or --column error=COLUMN, found only the columns 'loss', "
                + "'score'",
        "missing loss | val,acc\\n3.0,0.5\\n2.9,0.55\\n2.8,0.6\\n2.7,0.62\\n2.6,0.63\\n"
                + " | bad.csv: expected a column for 'loss' (final_loss or loss; or name it with --column "
                + "loss=COLUMN), found only the columns 'val', 'acc'",
        "both scores | loss,acc,err\\n3.0,0.5,0.5\\n2.9,0.55,0.45\\n2.8,0.6,0.4\\n2.7,0.62,0.38\\n2.6,0.63,0.37\\n"
                + " | bad.csv: expected one score column, an accuracy or an error (choose with --column "
                + "accuracy=COLUMN or --column error=COLUMN), found both 'acc' and 'err'",
        "fewer points than parameters | loss,acc\\n3.0,0.5\\n2.9,0.55\\n2.8,0.6\\n"
                + " | bad.csv: expected at least 4 rows for the sigmoid law's 4 parameters, found 3 rows",
        "fewer distinct losses than parameters | loss,acc\\n3.0,0.5\\n3.0,0.51\\n2.8,0.6\\n2.8,0.61\\n2.6,0.7\\n"
                + " | bad.csv: column 'loss': expected at least 4 distinct losses for the sigmoid law's 4 "
                + "parameters, found 3 among 5 rows"})
    void aBadTableIsBadInputNamingFileLineAndColumn(String what, String content, String message) throws IOException {
        Path data = folder.resolve("bad.csv");
        Files.writeString(data, content.replace("\\n", "\n"));
        Path out = folder.resolve("never.json");
        CliRun run = CliRun.of("benchmarks", "--data", data.toString(), "--out", out.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(3);
        assertThat(run.err()).contains(data.getParent().resolve(message.strip()).toString());
        assertThat(run.out()).isEmpty();
        assertThat(out).doesNotExist();
    }

    /**
     * The README's two-line example: its printf writes the table, its command fits the error law and predicts, and
     * the ε its comment quotes is the one printed.
     */
    @Test
    void theReadmeExampleRunsAndPrintsTheEpsilonItQuotes() throws IOException {
        java.util.List<String> lines = Files.readAllLines(Path.of("..", "README.md"));
        String printf = lines.stream().filter(line -> line.startsWith("printf 'model,loss,acc")).findFirst()
                .orElseThrow();
        String command = lines.get(lines.indexOf(printf) + 1);
        String table = printf.substring(printf.indexOf('\'') + 1, printf.lastIndexOf('\'')).replace("\\n", "\n");
        Path data = Files.writeString(folder.resolve("evals.csv"), table);
        assertThat(command).startsWith("./scalefit benchmarks --data evals.csv ");
        String[] words = command.substring("./scalefit ".length(), command.indexOf('#')).strip().split(" +");
        words[2] = data.toString();
        CliRun run = CliRun.of(words);
        assertThat(run.exitCode()).as(run.err()).isZero();
        java.util.regex.Matcher quoted = java.util.regex.Pattern.compile("ε = (\\S+) ± (\\S+);").matcher(command);
        assertThat(quoted.find()).as(command).isTrue();
        java.util.regex.Matcher printed = java.util.regex.Pattern.compile("ε = (\\S+) ± (\\S+)").matcher(run.out());
        assertThat(printed.find()).as(run.out()).isTrue();
        for (int group = 1; group <= 2; group++) {
            java.math.BigDecimal shown = new java.math.BigDecimal(quoted.group(group));
            assertThat(new java.math.BigDecimal(printed.group(group)).setScale(shown.scale(),
                    java.math.RoundingMode.HALF_EVEN)).as(run.out()).isEqualTo(shown);
        }
        assertThat(run.err()).contains("warning: --at-loss 2.2 lies outside");
    }

    @Test
    void theErrorLawAloneNeedsThreeRows() throws IOException {
        Path data = folder.resolve("two.csv");
        Files.writeString(data, "loss,acc\n3.0,0.5\n2.9,0.55\n");
        CliRun run = CliRun.of("benchmarks", "--data", data.toString(), "--law", "error");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("two.csv: expected at least 3 rows for the error law's 3 parameters, found 2 "
                + "rows");
    }

    @Test
    void tableOptionsWithoutATableAndGemstonesOptionsWithOneAreUsageErrors() throws IOException {
        CliRun atLoss = CliRun.of("benchmarks", "--at-loss", "2.5");
        assertThat(atLoss.exitCode()).isEqualTo(2);
        assertThat(atLoss.err()).contains("--at-loss applies to a table file given with --data FILE");
        CliRun column = CliRun.of("benchmarks", "--column", "accuracy=acc");
        assertThat(column.exitCode()).isEqualTo(2);
        Path data = table("evals.csv", "loss", "acc", false);
        CliRun losses = CliRun.of("benchmarks", "--data", data.toString(), "--losses", "gemstones:fineweb_edu");
        assertThat(losses.exitCode()).isEqualTo(2);
        assertThat(losses.err()).contains("--losses applies to benchmark results in the Gemstones layout");
        CliRun unknown = CliRun.of("benchmarks", "--data", data.toString(), "--column", "params=N");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown logical column 'params'");
        CliRun negative = CliRun.of("benchmarks", "--data", data.toString(), "--at-loss", "-1");
        assertThat(negative.exitCode()).isEqualTo(2);
        assertThat(negative.err()).contains("--at-loss -1.0: expected a positive finite loss");
    }
}
