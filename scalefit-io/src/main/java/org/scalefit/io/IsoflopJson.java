package org.scalefit.io;

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
import org.scalefit.isoflop.SeedNoise;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of an Approach 2 (IsoFLOP) analysis: the data read, the settings, per budget its points, status,
 * issues and optimal pair with spreads; the six fits of N*(C), D*(C), ρ*(C) (power laws y = coef·C^exponent), the
 * 95 % intervals of the exponents from the weighted bootstrap replicates, the allocation at requested budgets (the
 * {@code bs_median_weighted} laws, the paper's headline fit, with 95 % intervals from the weighted replicates), and
 * the saturating fit of the optimal loss when it was run. When fewer than two budgets have an optimum there are no
 * fits, and {@code fits_failure} says why. Values that are not finite numbers are written as null.
 */
public final class IsoflopJson {

    private final JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** How the analysis was run. */
    public record Run(IsoflopSettings settings, long seed, String stream, int threads) {
    }

    /**
     * The document.
     *
     * @param inputs      what was read
     * @param run         settings, seed and random stream
     * @param optima      the per-budget analysis
     * @param fits        the fits, or null when there are none
     * @param fitsFailure why there are no fits (null when there are)
     * @param allocate    budgets at which to give the allocation
     * @param version     scalefit's version
     */
    public String write(IsoflopInputs inputs, Run run, List<BudgetOptimum> optima, IsoflopFits fits,
                        String fitsFailure, List<Double> allocate, String version) {
        ObjectNode root = mapper.createObjectNode();
        ObjectNode data = root.putObject("data");
        data.put("source", inputs.source());
        data.put("sha256", inputs.sha256());
        ObjectNode settings = root.putObject("settings");
        settings.put("bootstrap", run.settings().replicates());
        settings.put("grid_multiplier", run.settings().gridMultiplier());
        settings.put("floor_factor", run.settings().floorFactor());
        SeedNoise noise = run.settings().noise();
        ObjectNode noiseNode = settings.putObject("noise");
        noiseNode.put("rule", noise.rule().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        noiseNode.put("sigma_low", noise.sigmaLow());
        if (noise.rule() != SeedNoise.Rule.CONSTANT) {
            noiseNode.put("sigma_high", noise.sigmaHigh());
            noiseNode.put("loss_low", noise.lossLow());
            noiseNode.put("loss_high", noise.lossHigh());
        }
        settings.put("seed", run.seed());
        settings.put("stream", run.stream());
        ArrayNode budgets = root.putArray("budgets");
        for (BudgetOptimum optimum : optima) {
            budgets.add(budget(optimum));
        }
        if (fits == null) {
            root.put("fits_failure", fitsFailure);
        } else {
            root.set("fits", fits(fits));
            ArrayNode allocations = root.putArray("allocations");
            ComputeOptimalLaws laws = fits.point(FitVariant.BS_MEDIAN_WEIGHTED);
            for (double c : allocate) {
                ObjectNode row = allocations.addObject();
                row.put("compute", c);
                for (ComputeOptimalLaws.Quantity q : ComputeOptimalLaws.Quantity.values()) {
                    number(row, key(q), laws.law(q).at(c));
                    if (!fits.bootstrapWeighted().isEmpty()) {
                        interval(row.putArray(key(q) + "_95"),
                                IsoflopIntervals.valueInterval(fits.bootstrapWeighted(), q, c));
                    }
                }
            }
        }
        root.putObject("run").put("threads", run.threads());
        root.putObject("provenance").put("scalefit_version", version);
        return mapper.writeValueAsString(root) + "\n";
    }

    /** The header of {@link #csv}. */
    static final String CSV_HEADER = "record,flops,quantity,variant,value,low,high,exponent,coef,r2,sizes,status,"
            + "params,tokens,tokens_per_param,loss,params_log_spread,tokens_log_spread,loss_spread,issues\n";

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
     *       α.</li>
     * </ul>
     * Without fits only the budget rows are written. Numbers are written in Java's shortest round-trip form.
     */
    public String csv(List<BudgetOptimum> optima, IsoflopFits fits, List<Double> allocate) {
        StringBuilder csv = new StringBuilder(CSV_HEADER);
        for (BudgetOptimum optimum : optima) {
            OptimalPair pair = optimum.optimalPair().orElse(null);
            String status = optimum.skipped() ? "skipped" : optimum.hasOptimum() ? "optimum" : "no optimum";
            csvRow(csv, "budget", optimum.flops(), "", "", EMPTY, EMPTY, EMPTY, EMPTY, EMPTY, EMPTY);
            csv.append(',').append(optimum.budget().points()).append(',').append(status);
            for (double value : pair == null ? new double[7] : new double[] {pair.n(), pair.t(), pair.multiplier(),
                    pair.loss(), pair.nSpread(), pair.tSpread(), pair.lossSpread()}) {
                csv.append(',').append(pair == null ? "" : csvNumber(value));
            }
            csv.append(',').append(quoted(String.join("; ", optimum.issues()))).append('\n');
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
                csv.append(NO_BUDGET_FIELDS);
            }
        }
        ComputeOptimalLaws laws = fits.point(FitVariant.BS_MEDIAN_WEIGHTED);
        for (double c : allocate) {
            for (ComputeOptimalLaws.Quantity q : ComputeOptimalLaws.Quantity.values()) {
                double[] ci = fits.bootstrapWeighted().isEmpty() ? new double[] {EMPTY, EMPTY}
                        : IsoflopIntervals.valueInterval(fits.bootstrapWeighted(), q, c);
                csvRow(csv, "allocation", c, key(q), FitVariant.BS_MEDIAN_WEIGHTED.key(), laws.law(q).at(c), ci[0],
                        ci[1], EMPTY, EMPTY, EMPTY);
                csv.append(NO_BUDGET_FIELDS);
            }
        }
        if (fits.lossFit().isPresent()) {
            SaturatingLoss loss = fits.lossFit().get();
            csvRow(csv, "optimal_loss", EMPTY, "loss", "basic", loss.e(), EMPTY, EMPTY, loss.alpha(), loss.a(), EMPTY);
            csv.append(NO_BUDGET_FIELDS);
        }
        return csv.toString();
    }

    /** A number written as an empty field. */
    private static final double EMPTY = Double.NaN;

    /** The ten budget columns (sizes … issues) left empty, and the line end. */
    private static final String NO_BUDGET_FIELDS = ",".repeat(10) + "\n";

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

    private ObjectNode budget(BudgetOptimum optimum) {
        ObjectNode node = mapper.createObjectNode();
        IsoflopBudget budget = optimum.budget();
        number(node, "flops", budget.flops());
        ArrayNode sizes = node.putArray("sizes");
        for (double n : budget.sizes()) {
            add(sizes, n);
        }
        ArrayNode losses = node.putArray("losses");
        for (double l : budget.losses()) {
            add(losses, l);
        }
        node.put("status", optimum.skipped() ? "skipped" : optimum.hasOptimum() ? "optimum" : "no optimum");
        ArrayNode issues = node.putArray("issues");
        optimum.issues().forEach(issues::add);
        if (optimum.optimalPair().isPresent()) {
            OptimalPair pair = optimum.optimalPair().get();
            ObjectNode o = node.putObject("optimum");
            number(o, "params", pair.n());
            number(o, "tokens", pair.t());
            number(o, "tokens_per_param", pair.multiplier());
            number(o, "loss", pair.loss());
            number(o, "params_log_spread", pair.nSpread());
            number(o, "tokens_log_spread", pair.tSpread());
            number(o, "tokens_per_param_log_spread", pair.multiplierSpread());
            number(o, "loss_spread", pair.lossSpread());
        }
        return node;
    }

    private ObjectNode fits(IsoflopFits fits) {
        ObjectNode node = mapper.createObjectNode();
        node.put("budgets", fits.budgets());
        node.put("replicates", fits.bootstrap().size());
        ObjectNode variants = node.putObject("variants");
        for (FitVariant variant : FitVariant.values()) {
            if (variant.perReplicate()) {
                continue;
            }
            ObjectNode v = variants.putObject(variant.key());
            ComputeOptimalLaws laws = fits.point(variant);
            for (ComputeOptimalLaws.Quantity q : ComputeOptimalLaws.Quantity.values()) {
                PowerLaw law = laws.law(q);
                ObjectNode l = v.putObject(key(q));
                number(l, "exponent", law.exponent());
                number(l, "coef", law.coef());
                number(l, "r2", law.r2());
            }
        }
        for (FitVariant variant : List.of(FitVariant.BOOTSTRAP, FitVariant.BOOTSTRAP_WEIGHTED)) {
            List<ComputeOptimalLaws> replicates = fits.replicates(variant);
            if (replicates.isEmpty()) {
                continue;
            }
            ObjectNode v = node.putObject(variant.key() + "_exponent_95");
            for (ComputeOptimalLaws.Quantity q : ComputeOptimalLaws.Quantity.values()) {
                interval(v.putArray(key(q)), IsoflopIntervals.exponentInterval(replicates, q));
            }
        }
        if (fits.lossFit().isPresent()) {
            SaturatingLoss loss = fits.lossFit().get();
            ObjectNode l = node.putObject("optimal_loss");
            l.put("law", "L*(C) = E + A·C^(-alpha)");
            number(l, "A", loss.a());
            number(l, "E", loss.e());
            number(l, "alpha", loss.alpha());
            number(l, "huber", loss.huber());
            l.put("replicates", fits.lossBootstrap().size());
        }
        return node;
    }

    private static String key(ComputeOptimalLaws.Quantity q) {
        return switch (q) {
            case N -> "params";
            case T -> "tokens";
            case MULTIPLIER -> "tokens_per_param";
        };
    }

    private static void interval(ArrayNode array, double[] interval) {
        add(array, interval[0]);
        add(array, interval[1]);
    }

    private static void number(ObjectNode node, String name, double value) {
        if (Double.isFinite(value)) {
            node.put(name, value);
        } else {
            node.putNull(name);
        }
    }

    private static void add(ArrayNode array, double value) {
        if (Double.isFinite(value)) {
            array.add(value);
        } else {
            array.addNull();
        }
    }
}
