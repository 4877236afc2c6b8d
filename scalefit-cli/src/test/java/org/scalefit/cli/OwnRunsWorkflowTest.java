package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The README's "Your own runs" workflow on a 30-run CSV of params, tokens and loss, with no {@code --column}
 * option: fit → bootstrap → allocate → frontier → report, and the same law everywhere — the bootstrap's estimate
 * is the fit, the allocation is the fit's compute-optimal one (N_opt ∝ C^a, a = β/(α+β); Hoffmann et al. 2022,
 * eq. 4), Approach 1's slope interval contains a, and the report shows the fit's exponents and the frontier's slope.
 */
class OwnRunsWorkflowTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @TempDir
    Path folder;

    /**
     * 30 runs (6 sizes × 5 token counts) of Chinchilla's law L = 1.69 + 406.4/N^0.34 + 410.7/D^0.28 (Hoffmann et
     * al. 2022, eq. 10) with a deterministic ±0.4 % wobble, as a notebook would write them.
     */
    static String runs() {
        StringBuilder csv = new StringBuilder("params,tokens,loss\n");
        int i = 0;
        for (double n : new double[] {1e7, 2e7, 5e7, 1e8, 2e8, 5e8}) {
            for (double d : new double[] {2e8, 1e9, 3e9, 1e10, 3e10}) {
                double loss = (1.69 + 406.4 / Math.pow(n, 0.34) + 410.7 / Math.pow(d, 0.28)) * (1 + 0.004
                        * Math.sin(7 * i++));
                csv.append(String.format(Locale.ROOT, "%g,%g,%.5f%n", n, d, loss));
            }
        }
        return csv.toString();
    }

    private static JsonNode json(Path file) {
        return MAPPER.readTree(file.toFile());
    }

    private static CliRun ok(String... args) {
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as(String.join(" ", args) + "\n" + run.err()).isZero();
        return run;
    }

    @Test
    void fitBootstrapAllocateFrontierAndReportAgreeOnOneLaw() throws Exception {
        Path data = Files.writeString(folder.resolve("runs.csv"), runs());
        Path fitFile = folder.resolve("fit.json");
        Path bootstrapFile = folder.resolve("bootstrap.json");
        Path allocationFile = folder.resolve("allocation.csv");
        Path frontierFile = folder.resolve("frontier.json");
        Path report = folder.resolve("report");

        ok("fit", "--data", data.toString(), "--out", fitFile.toString(), "--threads", "2");
        ok("bootstrap", "--fit", fitFile.toString(), "--resamples", "40", "--out", bootstrapFile.toString(),
                "--threads", "2");
        ok("allocate", "--law", fitFile.toString(), "--compute", "1e21:1e24", "--out", allocationFile.toString());
        ok("frontier", "--data", data.toString(), "--out", frontierFile.toString());
        ok("report", "--data", data.toString(), "--out", report.toString(), "--no-timestamps", "--law-bootstrap",
                "8", "--threads", "2");

        JsonNode fit = json(fitFile);
        assertThat(fit.get("status").asString()).isEqualTo("converged");
        double alpha = fit.get("exponents").get(0).asDouble();
        double beta = fit.get("exponents").get(1).asDouble();
        double bigA = Math.exp(fit.get("coefficients").get(0).asDouble());
        double bigB = Math.exp(fit.get("coefficients").get(1).asDouble());
        double bigE = Math.exp(fit.get("irreducible_error").asDouble());
        double a = beta / (alpha + beta);
        assertThat(alpha).isCloseTo(0.34, within(0.05));
        assertThat(beta).isCloseTo(0.28, within(0.02));

        JsonNode parameters = json(bootstrapFile).get("parameters");
        assertThat(parameters.get(0).get("log_space").get("estimate").asDouble()).isEqualTo(alpha);
        assertThat(parameters.get(1).get("log_space").get("estimate").asDouble()).isEqualTo(beta);
        assertThat(parameters.get(0).get("log_space").get("low").asDouble()).isLessThan(alpha);
        assertThat(parameters.get(0).get("log_space").get("high").asDouble()).isGreaterThan(alpha);

        List<String> rows = Files.readAllLines(allocationFile);
        assertThat(rows.get(0)).isEqualTo("compute,params,tokens,tokens_per_param,predicted_loss");
        assertThat(rows).hasSize(5);
        double[] first = numbers(rows.get(1));
        double[] last = numbers(rows.get(4));
        assertThat(Math.log(last[1] / first[1]) / Math.log(last[0] / first[0])).isCloseTo(a, within(1e-9));
        for (String row : rows.subList(1, rows.size())) {
            double[] x = numbers(row);
            double c = x[0];
            double n = x[1];
            assertThat(x[2]).isCloseTo(c / (6 * n), within(1e-9 * x[2]));
            double loss = bigE + bigA / Math.pow(n, alpha) + bigB / Math.pow(x[2], beta);
            assertThat(x[4]).isCloseTo(loss, within(1e-9 * loss));
            for (double step : new double[] {0.99, 1.01}) {
                double m = n * step;
                assertThat(bigE + bigA / Math.pow(m, alpha) + bigB / Math.pow(c / (6 * m), beta))
                        .as("the loss at C = %g off the optimum", c).isGreaterThan(loss);
            }
        }

        JsonNode frontier = json(frontierFile);
        assertThat(frontier.get("runs").asInt()).isEqualTo(30);
        JsonNode slope = frontier.get("fits").get("params");
        assertThat(slope.get("slope_interval_95").get(0).asDouble()).isLessThan(a);
        assertThat(slope.get("slope_interval_95").get(1).asDouble()).isGreaterThan(a);

        String html = Files.readString(report.resolve("index.html"), StandardCharsets.UTF_8);
        assertThat(html).contains(String.format(Locale.ROOT, "N_opt ∝ C^%.4g", a))
                .contains(String.format(Locale.ROOT, "slope %.3f", slope.get("slope").asDouble()));
    }

    @Test
    void aReportOnRunsWithoutShapesHasNoModelShapesSection() throws Exception {
        Path data = Files.writeString(folder.resolve("runs.csv"), runs());
        Path report = folder.resolve("report");

        ok("report", "--data", data.toString(), "--out", report.toString(), "--no-timestamps", "--law-bootstrap",
                "0", "--bootstrap", "0", "--threads", "2");

        String html = Files.readString(report.resolve("index.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("Approach 3: chinchilla law").doesNotContain("Model shapes")
                .doesNotContain("Feasible model shapes");
    }

    private static double[] numbers(String row) {
        String[] cells = row.split(",");
        double[] values = new double[cells.length];
        for (int i = 0; i < cells.length; i++) {
            values[i] = Double.parseDouble(cells[i]);
        }
        return values;
    }
}
