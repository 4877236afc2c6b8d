package org.scalefit.io;

import java.util.Arrays;
import java.util.List;
import org.scalefit.isoflop.BudgetOptimum;
import org.scalefit.isoflop.ComputeOptimalLaws;
import org.scalefit.isoflop.FitVariant;
import org.scalefit.isoflop.IsoflopBudget;
import org.scalefit.isoflop.IsoflopFits;
import org.scalefit.isoflop.IsoflopIntervals;
import org.scalefit.isoflop.IsoflopSettings;
import org.scalefit.isoflop.OptimalPair;
import org.scalefit.isoflop.PowerLaw;
import org.scalefit.isoflop.SaturatingLoss;

/**
 * The CSV form of an Approach 2 (IsoFLOP) analysis ({@link #csv}) and how the analysis was run ({@link Run}); the
 * JSON form is the record {@link IsoflopDocument}.
 */
public final class IsoflopJson {

    /** How the analysis was run. */
    public record Run(IsoflopSettings settings, long seed, String stream, int threads) {
    }

    /** The header of {@link #csv}, without the {@code replicates} column and the line end. */
    static final String CSV_HEADER = "record,flops,quantity,variant,value,low,high,exponent,coef,r2,sizes,status,"
            + "params,tokens,tokens_per_param,loss,params_log_spread,tokens_log_spread,loss_spread,issues";

    /**
     * The analysis as one CSV table, a {@code record} column saying what each row is:
     * <ul>
     *   <li>{@code budget}: one per budget — flops, sizes (points analysed), status, the optimal pair (params,
     *       tokens, tokens_per_param, loss) with its spreads (log-space σ of N* and D*, σ of L*), issues;</li>
     *   <li>{@code law}: one per fit variant (basic, weighted, bs_median, bs_median_weighted) and quantity (params,
     *       tokens, tokens_per_param) — exponent, coef, r2, and low/high the 95 % interval of the exponent over the
     *       bootstrap replicates of the same weighting;</li>
     *   <li>{@code allocation}: one per budget of {@code allocate} and quantity — value of the bs_median_weighted
     *       law coef·C^exponent at flops, low/high its 95 % interval over the weighted replicates;</li>
     *   <li>{@code optimal_loss}: the saturating fit L*(C) = E + A·C^(−α) when fitted — value E, coef A, exponent
     *       α;</li>
     *   <li>{@code warning}: one per warning of the fits ({@link IsoflopFits#warnings()}), its text in issues.</li>
     * </ul>
     * When a point of any budget averages several runs of its size, a last column {@code replicates} gives, on the
     * budget rows whose points do, how many runs each point averages, in increasing size and separated by
     * {@code ;} — the {@code replicates} of the JSON document ({@link IsoflopBudget#replicates()}); it is empty on the
     * other rows and absent when every point is one run, as in the JSON. Without fits only the budget rows are
     * written. Numbers are written in Java's shortest round-trip form.
     */
    public String csv(List<BudgetOptimum> optima, IsoflopFits fits, List<Double> allocate) {
        boolean repeated = optima.stream().anyMatch(optimum -> repeats(optimum.budget()));
        String end = repeated ? ",\n" : "\n";
        StringBuilder csv = new StringBuilder(CSV_HEADER).append(repeated ? ",replicates\n" : "\n");
        for (BudgetOptimum optimum : optima) {
            OptimalPair pair = optimum.optimalPair().orElse(null);
            String status = optimum.skipped() ? "skipped" : optimum.hasOptimum() ? "optimum" : "no optimum";
            csvRow(csv, "budget", optimum.flops(), "", "", EMPTY, EMPTY, EMPTY, EMPTY, EMPTY, EMPTY);
            csv.append(',').append(optimum.budget().points()).append(',').append(status);
            for (double value : pair == null ? new double[7] : new double[] {pair.n(), pair.t(), pair.multiplier(),
                    pair.loss(), pair.nSpread(), pair.tSpread(), pair.lossSpread()}) {
                csv.append(',').append(pair == null ? "" : csvNumber(value));
            }
            csv.append(',').append(quoted(String.join("; ", optimum.issues())));
            if (repeated) {
                csv.append(',').append(repeats(optimum.budget()) ? String.join(";", Arrays.stream(
                        optimum.budget().replicates()).mapToObj(String::valueOf).toList()) : "");
            }
            csv.append('\n');
        }
        if (fits == null) {
            return csv.toString();
        }
        for (FitVariant variant : FitVariant.values()) {
            if (variant.perReplicate()) {
                continue;
            }
            List<ComputeOptimalLaws> replicates = fits.replicates(variant == FitVariant.WEIGHTED
                    || variant == FitVariant.BS_MEDIAN_WEIGHTED ? FitVariant.BOOTSTRAP_WEIGHTED : FitVariant.BOOTSTRAP);
            for (ComputeOptimalLaws.Quantity q : ComputeOptimalLaws.Quantity.values()) {
                PowerLaw law = fits.point(variant).law(q);
                double[] ci = replicates.isEmpty() ? new double[] {EMPTY, EMPTY}
                        : IsoflopIntervals.exponentInterval(replicates, q);
                csvRow(csv, "law", EMPTY, key(q), variant.key(), EMPTY, ci[0], ci[1], law.exponent(), law.coef(),
                        law.r2());
                csv.append(NO_BUDGET_FIELDS).append(end);
            }
        }
        ComputeOptimalLaws laws = fits.point(FitVariant.BS_MEDIAN_WEIGHTED);
        for (double c : allocate) {
            for (ComputeOptimalLaws.Quantity q : ComputeOptimalLaws.Quantity.values()) {
                double[] ci = fits.bootstrapWeighted().isEmpty() ? new double[] {EMPTY, EMPTY}
                        : IsoflopIntervals.valueInterval(fits.bootstrapWeighted(), q, c);
                csvRow(csv, "allocation", c, key(q), FitVariant.BS_MEDIAN_WEIGHTED.key(), laws.law(q).at(c), ci[0],
                        ci[1], EMPTY, EMPTY, EMPTY);
                csv.append(NO_BUDGET_FIELDS).append(end);
            }
        }
        if (fits.lossFit().isPresent()) {
            SaturatingLoss loss = fits.lossFit().get();
            csvRow(csv, "optimal_loss", EMPTY, "loss", "basic", loss.e(), EMPTY, EMPTY, loss.alpha(), loss.a(), EMPTY);
            csv.append(NO_BUDGET_FIELDS).append(end);
        }
        for (String warning : fits.warnings()) {
            csvRow(csv, "warning", EMPTY, "", "", EMPTY, EMPTY, EMPTY, EMPTY, EMPTY, EMPTY);
            csv.append(",".repeat(9)).append(',').append(quoted(warning)).append(end);
        }
        return csv.toString();
    }

    /** A number written as an empty field. */
    private static final double EMPTY = Double.NaN;

    /** The ten budget columns (sizes … issues) left empty. */
    private static final String NO_BUDGET_FIELDS = ",".repeat(10);

    /** Whether a point of {@code budget} averages several runs. */
    private static boolean repeats(IsoflopBudget budget) {
        return Arrays.stream(budget.replicates()).anyMatch(r -> r > 1);
    }

    /** The first ten columns, record … r2, without a line end. */
    private static void csvRow(StringBuilder csv, String record, double flops, String quantity, String variant,
                               double value, double low, double high, double exponent, double coef, double r2) {
        csv.append(record).append(',').append(csvNumber(flops)).append(',').append(quantity).append(',')
                .append(variant);
        for (double number : new double[] {value, low, high, exponent, coef, r2}) {
            csv.append(',').append(csvNumber(number));
        }
    }

    /** A finite number in Java's shortest round-trip form ({@code 1.25e+16} as {@code 1.25E16}); empty otherwise. */
    private static String csvNumber(double value) {
        return Double.isFinite(value) ? Double.toString(value) : "";
    }

    /** A CSV field, quoted when it holds a comma, a quote or a line break. */
    private static String quoted(String text) {
        return text.matches("(?s).*[,\"\n\r].*") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    private static String key(ComputeOptimalLaws.Quantity q) {
        return switch (q) {
            case N -> "params";
            case T -> "tokens";
            case MULTIPLIER -> "tokens_per_param";
        };
    }
}
