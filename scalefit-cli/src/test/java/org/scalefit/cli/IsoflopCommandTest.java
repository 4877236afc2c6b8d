package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scalefit.io.PorianConfiguration;
import org.scalefit.io.PorianData;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class IsoflopCommandTest {

    @TempDir
    Path folder;

    private static JsonNode json(Path file) {
        return JsonMapper.builder().build().readTree(file.toFile());
    }

    /** A Chinchilla-like loss surface L = 1.7 + 400/N^0.34 + 410/D^0.28 with D = C/(6N). */
    private static double loss(double c, double n) {
        return 1.7 + 400 / Math.pow(n, 0.34) + 410 / Math.pow(c / (6 * n), 0.28);
    }

    private static void profile(StringBuilder csv, double c) {
        double optimum = 0.1 * Math.sqrt(c);
        for (double f : new double[] {0.25, 0.5, 1, 2, 4}) {
            csv.append(String.format(Locale.ROOT, "%s,%s,%s%n", c, optimum * f, loss(c, optimum * f)));
        }
    }

    /**
     * Three good budgets and four bad ones: two sizes only, an optimum at the largest size, a NaN loss and a
     * repeated size, and an empty loss cell.
     */
    private Path runs() throws Exception {
        StringBuilder csv = new StringBuilder("flops,params,loss\n");
        profile(csv, 1e17);
        profile(csv, 1e18);
        profile(csv, 1e19);
        csv.append("3e18,1e8,3.0\n3e18,2e8,2.9\n");
        csv.append("2e17,1e7,4.9\n2e17,2e7,4.8\n2e17,4e7,4.6\n2e17,8e7,4.2\n");
        profile(csv, 5e19);
        double optimum = 0.1 * Math.sqrt(5e19);
        csv.append(String.format(Locale.ROOT, "5e19,%s,nan%n", optimum * 8));
        csv.append(String.format(Locale.ROOT, "5e19,%s,%s%n", optimum * 0.5, loss(5e19, optimum * 0.5) + 0.01));
        csv.append("4e19,1e9,\n4e19,2e9,2.6\n4e19,4e9,2.7\n");
        Path data = folder.resolve("runs.csv");
        Files.writeString(data, csv);
        return data;
    }

    @Test
    void badBudgetsAreReportedOneByOneAndLeftOutOfTheFits() throws Exception {
        Path out = folder.resolve("isoflop.json");
        CliRun run = CliRun.of("isoflop", "--data", runs().toString(), "--bootstrap", "200", "--allocate", "1e21",
                "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode result = json(out);
        JsonNode budgets = result.get("budgets");
        assertThat(budgets.size()).isEqualTo(7);
        assertThat(status(budgets, 2e17)).isEqualTo("no optimum");
        assertThat(issues(budgets, 2e17)).contains("largest model size");
        assertThat(status(budgets, 3e18)).isEqualTo("skipped");
        assertThat(issues(budgets, 3e18)).contains("2 usable model sizes");
        assertThat(status(budgets, 4e19)).isEqualTo("skipped");
        assertThat(issues(budgets, 4e19)).contains("1 point dropped");
        assertThat(status(budgets, 5e19)).isEqualTo("optimum");
        assertThat(issues(budgets, 5e19)).contains("1 point dropped").contains("2 runs of 1 repeated size averaged");
        assertThat(result.get("fits").get("budgets").asInt()).isEqualTo(4);
        double a = result.get("fits").get("variants").get("bs_median_weighted").get("params").get("exponent")
                .asDouble();
        assertThat(a).isBetween(0.4, 0.5);
        JsonNode interval = result.get("fits").get("bootstrap_weighted_exponent_95").get("params");
        assertThat(interval.get(0).asDouble()).isLessThan(a);
        assertThat(interval.get(1).asDouble()).isGreaterThan(a);
        JsonNode allocation = result.get("allocations").get(0);
        assertThat(allocation.get("compute").asDouble()).isEqualTo(1e21);
        assertThat(allocation.get("params_95").size()).isEqualTo(2);
        assertThat(run.out()).contains("skipped: 2 usable model sizes").contains("N*    a = ");
    }

    /** The runs of a repeated size are named by line in a CSV file and by row in the same runs written as Parquet. */
    @Test
    void averagedRunsAreLocatedByLineInCsvAndByRowInParquet() throws Exception {
        StringBuilder text = new StringBuilder("flops,params,loss\n");
        for (double c : new double[] {1e17, 1e18, 1e19, 5e19}) {
            profile(text, c);
        }
        double optimum = 0.1 * Math.sqrt(5e19);
        text.append(String.format(Locale.ROOT, "5e19,%s,%s%n", optimum * 0.5, loss(5e19, optimum * 0.5) + 0.01));
        Path csv = Files.writeString(folder.resolve("runs.csv"), text);
        Path parquet = folder.resolve("runs.parquet");
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection("jdbc:duckdb:");
             java.sql.Statement statement = connection.createStatement()) {
            statement.execute("COPY (SELECT * FROM read_csv('" + csv + "')) TO '" + parquet + "' (FORMAT parquet)");
        }
        Path fromCsv = folder.resolve("csv.json");
        Path fromParquet = folder.resolve("parquet.json");

        CliRun csvRun = CliRun.of("isoflop", "--data", csv.toString(), "--bootstrap", "20", "--out",
                fromCsv.toString());
        CliRun parquetRun = CliRun.of("isoflop", "--data", parquet.toString(), "--bootstrap", "20", "--out",
                fromParquet.toString());

        assertThat(csvRun.exitCode()).as(csvRun.err()).isZero();
        assertThat(parquetRun.exitCode()).as(parquetRun.err()).isZero();
        assertThat(issues(json(fromCsv).get("budgets"), 5e19)).contains("2 runs of 1 repeated size averaged")
                .contains("(lines 18, 22)");
        assertThat(issues(json(fromParquet).get("budgets"), 5e19)).contains("2 runs of 1 repeated size averaged")
                .contains("(rows 17, 21)");
    }

    /**
     * Three budgets of five sizes, each size run with three seeds: the loss surface of {@link #loss} plus
     * {@code offsets[seed]}.
     */
    private Path seeds(double... offsets) throws Exception {
        StringBuilder csv = new StringBuilder("flops,params,loss,seed\n");
        for (double c : new double[] {1e18, 1e19, 1e20}) {
            double optimum = 0.1 * Math.sqrt(c);
            for (double f : new double[] {0.25, 0.5, 1, 2, 4}) {
                for (int seed = 0; seed < offsets.length; seed++) {
                    csv.append(String.format(Locale.ROOT, "%s,%s,%s,%d%n", c, optimum * f,
                            loss(c, optimum * f) + offsets[seed], seed));
                }
            }
        }
        return Files.writeString(folder.resolve("seeds.csv"), csv);
    }

    @Test
    void seedReplicatesAreAveragedNotReducedToTheirBestRunAndTheDocumentCountsThem() throws Exception {
        Path out = folder.resolve("seeds.json");

        CliRun run = CliRun.of("isoflop", "--data", seeds(-0.02, 0.0, 0.02).toString(), "--bootstrap", "50",
                "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode budget = budget(json(out).get("budgets"), 1e19);
        double optimum = 0.1 * Math.sqrt(1e19);
        assertThat(budget.get("losses").get(0).asDouble()).isCloseTo(loss(1e19, optimum * 0.25), within(1e-12));
        assertThat(budget.get("replicates").toString()).isEqualTo("[3,3,3,3,3]");
        assertThat(budget.get("issues").toString()).contains("15 runs of 5 repeated sizes averaged")
                .contains("mean of its runs");
        assertThat(org.scalefit.io.IsoflopDocument.read(out).write()).isEqualTo(Files.readString(out));
    }

    @Test
    void seedReplicatesNoisierThanTheNoiseModelAreWarnedOfWithTheirOwnDeviation() throws Exception {
        Path out = folder.resolve("seeds.json");

        CliRun run = CliRun.of("isoflop", "--data", seeds(-0.01, 0.0, 0.01).toString(), "--bootstrap", "50",
                "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(json(out).get("fits").get("warnings").toString()).contains("pooled standard deviation of 0.0100")
                .contains("--noise 0.0100");
        assertThat(run.out()).contains("warning: the seed replicates");
    }

    @Test
    void aTableOfOneRunPerSizeRecordsNoReplicates() throws Exception {
        Path out = folder.resolve("one-seed.json");

        CliRun run = CliRun.of("isoflop", "--data", seeds(0.0).toString(), "--bootstrap", "50", "--out",
                out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(budget(json(out).get("budgets"), 1e19).has("replicates")).isFalse();
    }

    @Test
    void theResultDependsOnTheSeedOnlyNotOnTheThreads() throws Exception {
        Path data = runs();
        Path one = folder.resolve("one.json");
        Path two = folder.resolve("two.json");
        assertThat(CliRun.of("isoflop", "--data", data.toString(), "--bootstrap", "100", "--seed", "7",
                "--threads", "1", "--out", one.toString()).exitCode()).isZero();
        assertThat(CliRun.of("isoflop", "--data", data.toString(), "--bootstrap", "100", "--seed", "7",
                "--threads", "2", "--out", two.toString()).exitCode()).isZero();
        ObjectNode first = (ObjectNode) json(one);
        ObjectNode second = (ObjectNode) json(two);
        first.remove("run");
        second.remove("run");
        assertThat(first).isEqualTo(second);
    }

    @Test
    void withNumpysStreamTheFirstPorianConfigurationGivesThePublishedFit() {
        PorianConfiguration first = PorianData.configurations("summary_df").get(0);
        Path out = folder.resolve("porian.json");
        CliRun run = CliRun.of("isoflop", "--data", first.id(), "--stream", "numpy", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode stored = PorianData.storedFits("summary_df").get(0).get("bs_median_weighted");
        JsonNode ours = json(out).get("fits").get("variants").get("bs_median_weighted");
        double published = stored.get("n_exponent").asDouble();
        assertThat(Math.abs(ours.get("params").get("exponent").asDouble() - published))
                .isLessThanOrEqualTo(1e-12 * Math.abs(published));
        double coef = stored.get("t_coef").asDouble();
        assertThat(Math.abs(ours.get("tokens").get("coef").asDouble() - coef))
                .isLessThanOrEqualTo(1e-12 * Math.abs(coef));
    }

    @Test
    void withoutTwoOptimaThereAreNoLawsButTheBudgetsAreStillWritten() throws Exception {
        Path data = folder.resolve("flat.csv");
        Files.writeString(data, "flops,params,loss\n1e18,1e7,3.5\n1e18,2e7,3.4\n1e18,4e7,3.3\n"
                + "1e19,1e8,3.0\n1e19,2e8,2.9\n");
        Path out = folder.resolve("flat.json");
        CliRun run = CliRun.of("isoflop", "--data", data.toString(), "--bootstrap", "50", "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(ScalefitCommand.EXIT_FIT_FAILED);
        JsonNode result = json(out);
        assertThat(result.get("budgets").size()).isEqualTo(2);
        assertThat(result.get("fits_failure").asString()).contains("0 budgets have an optimum");
        assertThat(result.has("fits")).isFalse();
        assertThat(run.out()).contains("no power laws");
    }

    @Test
    void aSingleBudgetIsCountedInTheSingular() throws Exception {
        Path data = Files.writeString(folder.resolve("one.csv"), "flops,params,loss\n1e18,1e7,3.5\n1e18,2e7,3.4\n"
                + "1e18,4e7,3.45\n");
        CliRun run = CliRun.of("isoflop", "--data", data.toString(), "--bootstrap", "20");
        assertThat(run.out()).contains(data + ": 1 budget\n");
    }

    @Test
    void anUnknownBudgetOrAMissingColumnWritesNothing() throws Exception {
        Path data = runs();
        Path out = folder.resolve("never.json");
        CliRun unknown = CliRun.of("isoflop", "--data", data.toString(), "--budgets", "7e17", "--out",
                out.toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("no budget 7.0E17").contains("1.0E17, 2.0E17");
        CliRun missing = CliRun.of("isoflop", "--data", data.toString(), "--column", "loss=final_loss", "--out",
                out.toString());
        assertThat(missing.exitCode()).isEqualTo(ScalefitCommand.EXIT_BAD_INPUT);
        assertThat(missing.err()).contains("final_loss");
        assertThat(out).doesNotExist();
        assertThat(folder.toFile().list()).noneMatch(name -> name.contains("scalefit-tmp"));
    }

    @Test
    void aRunTableIsReadWithTheColumnDefaultsAndColumnMappingsOfEveryCommand() throws Exception {
        String runs = Files.readString(runs());
        Path renamed = folder.resolve("renamed.csv");
        Files.writeString(renamed, "compute,N,val_loss" + runs.substring(runs.indexOf('\n')));
        Path expected = folder.resolve("expected.csv");
        Path mapped = folder.resolve("mapped.csv");
        assertThat(CliRun.of("isoflop", "--data", runs().toString(), "--bootstrap", "50", "--out",
                expected.toString()).exitCode()).isZero();

        CliRun run = CliRun.of("isoflop", "--data", renamed.toString(), "--column", "flops=compute", "--column",
                "loss=val_loss", "--bootstrap", "50", "--out", mapped.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(expected)).contains("1 point dropped: loss missing");
        assertThat(Files.readString(mapped)).isEqualTo(Files.readString(expected)
                .replace("1 point dropped: loss missing", "1 point dropped: val_loss missing"));
    }

    @Test
    void missingColumnsAreReportedInOneMessageWithTheColumnOptionAndNothingIsWritten() throws Exception {
        String runs = Files.readString(runs());
        Path renamed = folder.resolve("renamed.csv");
        Files.writeString(renamed, "flops,size,val_loss" + runs.substring(runs.indexOf('\n')));
        Path out = folder.resolve("never.json");

        CliRun run = CliRun.of("isoflop", "--data", renamed.toString(), "--bootstrap", "50", "--out",
                out.toString());

        assertThat(run.exitCode()).isEqualTo(ScalefitCommand.EXIT_BAD_INPUT);
        assertThat(run.err()).contains(renamed.toString()).contains("--column params=COLUMN")
                .contains("--column loss=COLUMN").doesNotContain("flops=COLUMN");
        assertThat(run.err().lines().filter(line -> !line.isBlank()).count()).isEqualTo(1);
        assertThat(out).doesNotExist();
        assertThat(folder.toFile().list()).noneMatch(name -> name.contains("scalefit-tmp"));
    }

    @Test
    void aTableWithNeitherFlopsNorTokensIsAskedForEitherAndNothingIsWritten() throws Exception {
        String runs = Files.readString(runs());
        Path renamed = folder.resolve("renamed.csv");
        Files.writeString(renamed, "compute,N,loss" + runs.substring(runs.indexOf('\n')));
        Path out = folder.resolve("never.json");

        CliRun run = CliRun.of("isoflop", "--data", renamed.toString(), "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(ScalefitCommand.EXIT_BAD_INPUT);
        assertThat(run.err()).contains(renamed + ": expected a column for 'flops' (FLOPs, flops, C;")
                .contains("--column flops=COLUMN").doesNotContain("column 'FLOPs'")
                .contains("'tokens'").contains("6·params·tokens");
        assertThat(out).doesNotExist();
    }

    /** The runs of {@link #seeds} with params and tokens = C/(6N) rounded to three digits instead of the FLOPs. */
    private Path tokensInsteadOfFlops(Path seeds) throws Exception {
        List<String> lines = Files.readAllLines(seeds);
        StringBuilder csv = new StringBuilder("params,tokens,loss,seed\n");
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            double c = Double.parseDouble(cells[0]);
            double n = Double.parseDouble(cells[1]);
            csv.append(String.format(Locale.ROOT, "%s,%.2e,%s,%s%n", cells[1], c / (6 * n), cells[2], cells[3]));
        }
        return Files.writeString(folder.resolve("tokens.csv"), csv);
    }

    @Test
    void withoutAFlopsColumnTheBudgetsAreSixNDAndTheDocumentSaysSo() throws Exception {
        Path withFlops = seeds(-0.02, 0.0, 0.02);
        Path withTokens = tokensInsteadOfFlops(withFlops);
        Path given = folder.resolve("given.json");
        Path derived = folder.resolve("derived.json");

        CliRun run = CliRun.of("isoflop", "--data", withTokens.toString(), "--bootstrap", "200", "--out",
                derived.toString());
        assertThat(CliRun.of("isoflop", "--data", withFlops.toString(), "--bootstrap", "200", "--out",
                given.toString()).exitCode()).isZero();

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode result = json(derived);
        assertThat(result.get("data").get("transforms").toString()).contains("flops=6*params*tokens");
        assertThat(result.get("budgets").size()).isEqualTo(3);
        double a = result.get("fits").get("variants").get("bs_median_weighted").get("params").get("exponent")
                .asDouble();
        double expected = json(given).get("fits").get("variants").get("bs_median_weighted").get("params")
                .get("exponent").asDouble();
        assertThat(a).isCloseTo(expected, within(0.01));
        assertThat(run.out()).contains("C = 6·N·D");
    }

    @Test
    void budgetsCanBeChosenAndAWholePorianTableIsRefused() throws Exception {
        Path out = folder.resolve("two.json");
        CliRun run = CliRun.of("isoflop", "--data", runs().toString(), "--budgets", "1e17,1e18", "--bootstrap",
                "50", "--noise", "0.01", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode result = json(out);
        assertThat(result.get("budgets").size()).isEqualTo(2);
        assertThat(result.get("settings").get("noise").get("rule").asString()).isEqualTo("constant");
        CliRun table = CliRun.of("isoflop", "--data", "porian:summary_df");
        assertThat(table.exitCode()).isEqualTo(2);
        assertThat(table.err()).contains("name one");
    }

    @Test
    void anOutFileEndingInCsvGetsOneRowPerBudgetLawAndAllocation() throws Exception {
        PorianConfiguration first = PorianData.configurations("summary_df").get(0);
        Path out = folder.resolve("porian.csv");
        CliRun run = CliRun.of("isoflop", "--data", first.id(), "--stream", "numpy", "--allocate", "1e21,1e22",
                "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).startsWith("record,flops,quantity,variant,value,low,high,exponent,coef,r2,sizes");
        assertThat(lines).filteredOn(l -> l.startsWith("budget,")).hasSize(first.budgets().stream()
                .filter(b -> b.points() > 0).toList().size());
        assertThat(lines).filteredOn(l -> l.startsWith("law,")).hasSize(12);
        assertThat(lines).filteredOn(l -> l.startsWith("allocation,")).hasSize(6);
        String law = lines.stream().filter(l -> l.startsWith("law,,params,bs_median_weighted,")).findFirst()
                .orElseThrow();
        double published = PorianData.storedFits("summary_df").get(0).get("bs_median_weighted").get("n_exponent")
                .asDouble();
        assertThat(Math.abs(Double.parseDouble(law.split(",")[7]) - published))
                .isLessThanOrEqualTo(1e-12 * Math.abs(published));
    }

    /** Checkpoints every 10 % more tokens, 1e9 … 1e11, of models 1e7 … 1e9 on the surface of {@link #loss}. */
    private Path checkpoints() throws Exception {
        StringBuilder csv = new StringBuilder("params,tokens,loss\n");
        for (double n = 1e7; n <= 1e9 * 1.01; n *= Math.sqrt(2)) {
            for (double d = 1e9; d <= 1e11 * 1.01; d *= 1.1) {
                csv.append(String.format(Locale.ROOT, "%s,%s,%s%n", n, d, loss(6 * n * d, n)));
            }
        }
        Path data = folder.resolve("checkpoints.csv");
        Files.writeString(data, csv);
        return data;
    }

    @Test
    void checkpointCurvesGiveTheSurfacesComputeOptimalExponent() throws Exception {
        Path out = folder.resolve("checkpoints.json");
        CliRun run = CliRun.of("isoflop", "--data", checkpoints().toString(), "--checkpoints", "--bootstrap", "200",
                "--budgets", "1e18,3e18,1e19,3e19,1e20", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode result = json(out);
        assertThat(result.get("budgets").size()).isEqualTo(5);
        // L = E + A/N^α + B/D^β is minimised at N* ∝ C^(β/(α+β)) (Hoffmann et al. 2022, eq. 4)
        double exponent = result.get("fits").get("variants").get("bs_median_weighted").get("params").get("exponent")
                .asDouble();
        assertThat(exponent).isCloseTo(0.28 / (0.34 + 0.28), within(0.02));
    }

    @Test
    void anotherAccountingNeedsCheckpointsAndTheShape() throws Exception {
        CliRun runTable = CliRun.of("isoflop", "--data", runs().toString(), "--accounting", "kaplan");
        assertThat(runTable.exitCode()).isEqualTo(2);
        assertThat(runTable.err()).contains("--checkpoints");
        Path out = folder.resolve("never.csv");
        CliRun noShape = CliRun.of("isoflop", "--data", checkpoints().toString(), "--checkpoints", "--accounting",
                "kaplan", "--out", out.toString());
        assertThat(noShape.exitCode()).isEqualTo(ScalefitCommand.EXIT_BAD_INPUT);
        assertThat(noShape.err()).contains("width");
        assertThat(out).doesNotExist();
    }

    /** Checkpoints of three shapes (width, depth), each every 10 % more tokens from 1e9 to 1e11. */
    private Path shapeCheckpoints() throws Exception {
        StringBuilder csv = new StringBuilder("width,depth,tokens,loss\n");
        for (int[] shape : new int[][] {{96, 3}, {128, 4}, {160, 5}}) {
            double n = 12.0 * shape[0] * shape[0] * shape[1];
            for (double d = 1e9; d <= 1e11 * 1.01; d *= 1.1) {
                csv.append(String.format(Locale.ROOT, "%d,%d,%s,%s%n", shape[0], shape[1], d, loss(6 * n * d, n)));
            }
        }
        Path data = folder.resolve("shapes.csv");
        Files.writeString(data, csv);
        return data;
    }

    @ParameterizedTest(name = "{0} = \"{1}\"")
    @CsvSource(value = {"width,''", "width,nan", "width,0", "depth,-4", "width,96.5", "depth,abc", "tokens,''"},
            quoteCharacter = '\'')
    void aCheckpointWithABadSizeOrTokensIsAnInputErrorNamingFileLineAndColumnAndNothingIsWritten(String column,
                                                                                                 String value)
            throws Exception {
        Path data = shapeCheckpoints();
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(data));
        String[] cells = lines.get(6).split(",", -1);
        cells[List.of(lines.get(0).split(",")).indexOf(column)] = value;
        lines.set(6, String.join(",", cells));
        Files.write(data, lines);
        Path out = folder.resolve("never.json");

        CliRun run = CliRun.of("isoflop", "--data", data.toString(), "--checkpoints", "--accounting", "kaplan",
                "--bootstrap", "50", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ScalefitCommand.EXIT_BAD_INPUT);
        assertThat(run.err()).contains(data + ":7: column '" + column + "': expected a positive");
        assertThat(out).doesNotExist();
        assertThat(folder.toFile().list()).noneMatch(name -> name.contains("scalefit-tmp"));
    }

    @ParameterizedTest(name = "{0} = \"{1}\"")
    @CsvSource(value = {"flops,''", "flops,nan", "flops,-1e18", "params,''", "params,abc", "params,0"},
            quoteCharacter = '\'')
    void aRunWithABadBudgetOrSizeIsAnInputErrorNamingFileLineAndColumnAndNothingIsWritten(String column,
                                                                                          String value)
            throws Exception {
        Path data = seeds(0.0);
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(data));
        String[] cells = lines.get(8).split(",", -1);
        cells[List.of(lines.get(0).split(",")).indexOf(column)] = value;
        lines.set(8, String.join(",", cells));
        Files.write(data, lines);
        Path out = folder.resolve("never.json");

        CliRun run = CliRun.of("isoflop", "--data", data.toString(), "--bootstrap", "50", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ScalefitCommand.EXIT_BAD_INPUT);
        assertThat(run.err()).contains(data + ":9: column '" + column + "': expected a positive");
        assertThat(out).doesNotExist();
        assertThat(folder.toFile().list()).noneMatch(name -> name.contains("scalefit-tmp"));
    }

    @Test
    void aRunWithBadTokensIsAnInputErrorWhenTheBudgetIsDerivedFromThem() throws Exception {
        Path data = tokensInsteadOfFlops(seeds(0.0));
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(data));
        lines.set(8, lines.get(8).replaceFirst(",[^,]*,", ",nan,"));
        Files.write(data, lines);
        Path out = folder.resolve("never.json");

        CliRun run = CliRun.of("isoflop", "--data", data.toString(), "--bootstrap", "50", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ScalefitCommand.EXIT_BAD_INPUT);
        assertThat(run.err()).contains(data + ":9: column 'tokens': expected a positive");
        assertThat(out).doesNotExist();
    }

    @Test
    void aRunWithoutALossIsDroppedAndNamedByLineAndColumn() throws Exception {
        Path data = seeds(0.0);
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(data));
        lines.set(8, lines.get(8).replaceFirst(",[^,]*,(\\d+)$", ",nan,$1"));
        Files.write(data, lines);
        Path out = folder.resolve("nan.json");

        CliRun run = CliRun.of("isoflop", "--data", data.toString(), "--bootstrap", "50", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(issues(json(out).get("budgets"), 1e19)).contains("1 point dropped: loss missing, not a number or "
                + "not positive (line 9)");
    }

    @Test
    void helpRendersWithoutPicocliWarnings() {
        CliRun run = CliRun.of("isoflop", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("95 % intervals").contains("--noise-model");
        assertThat(run.err()).doesNotContain("WARN");
    }

    private static String status(JsonNode budgets, double flops) {
        return budget(budgets, flops).get("status").asString();
    }

    private static String issues(JsonNode budgets, double flops) {
        return budget(budgets, flops).get("issues").toString();
    }

    private static JsonNode budget(JsonNode budgets, double flops) {
        for (JsonNode budget : budgets) {
            if (budget.get("flops").asDouble() == flops) {
                return budget;
            }
        }
        throw new AssertionError("no budget " + flops);
    }
}
