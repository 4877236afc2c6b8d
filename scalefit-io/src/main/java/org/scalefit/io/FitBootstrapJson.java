package org.scalefit.io;

import java.util.List;
import org.scalefit.law.Allocation;
import org.scalefit.law.FittedLaw;
import org.scalefit.law.LawForm;
import org.scalefit.uncertainty.AllocationBands;
import org.scalefit.uncertainty.BootstrapResult;
import org.scalefit.uncertainty.ResamplingUnits;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of {@code scalefit bootstrap --fit}: the bootstrap of a stored Approach-3 fit. Per parameter, the
 * point estimate, bootstrap standard error and central percentile interval, in log space (θ = [α_j, c_j, e]) and in
 * natural space (α_j, e^{c_j}, E = e^e); the covariances; how every refit ended (converged, at the precision floor,
 * failed — with the failed replicates listed); the allocation bands per budget, or why there are none; provenance.
 * Everything but the {@code run} section is the same, byte for byte, whatever the number of threads.
 */
public final class FitBootstrapJson {

    private final JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** What the bootstrap resampled and how. */
    public record Resampling(ResamplingUnits units, List<String> runKey, long seed, String stream, double level) {

        public Resampling {
            runKey = List.copyOf(runKey);
        }
    }

    /**
     * The document. {@code allocation} may be null (no budgets asked for); {@code replicates} adds every draw
     * (log space).
     */
    public String write(StoredFit fit, String fitSha256, FitProvenance data, BootstrapResult bootstrap,
                        Resampling resampling, AllocationBands allocation, int threads, double seconds,
                        boolean replicates, String version) {
        FittedLaw estimate = fit.law();
        LawForm law = estimate.form();
        ObjectNode root = mapper.createObjectNode();
        root.put("fit", fit.file().toString());
        root.put("law", law.name());
        ArrayNode inputs = root.putArray("inputs");
        law.inputs().forEach(inputs::add);
        root.put("delta", fit.delta());
        root.put("points", fit.points());
        LawWarningsJson.put(root, estimate.warnings());

        ObjectNode boot = root.putObject("bootstrap");
        boot.put("scheme", resampling.units().scheme().label());
        ArrayNode key = boot.putArray("run_key");
        resampling.runKey().forEach(key::add);
        boot.put("units", resampling.units().units());
        boot.put("replicates", bootstrap.count());
        boot.put("seed", resampling.seed());
        boot.put("stream", resampling.stream());
        boot.put("start", "point estimate");
        boot.put("converged", bootstrap.converged());
        boot.put("at_precision_floor", bootstrap.atPrecisionFloor().length);
        boot.put("failed", bootstrap.failed().length);
        putInts(boot.putArray("failed_replicates"), bootstrap.failed());
        boot.put("level", resampling.level());

        double low = 50 - resampling.level() / 2;
        double high = 50 + resampling.level() / 2;
        double[] theta = estimate.theta();
        double[] natural = natural(theta, law.arity());
        List<String> logNames = law.parameterNames(false);
        List<String> naturalNames = law.parameterNames(true);
        ArrayNode parameters = root.putArray("parameters");
        double[] se = bootstrap.standardErrors();
        double[] naturalSe = bootstrap.untransformedStandardErrors();
        double[] lows = bootstrap.percentile(low);
        double[] highs = bootstrap.percentile(high);
        double[] naturalLows = bootstrap.untransformedPercentile(low);
        double[] naturalHighs = bootstrap.untransformedPercentile(high);
        for (int j = 0; j < theta.length; j++) {
            ObjectNode parameter = parameters.addObject();
            ObjectNode logSpace = parameter.putObject("log_space");
            logSpace.put("name", logNames.get(j));
            logSpace.put("estimate", theta[j]);
            logSpace.put("standard_error", se[j]);
            logSpace.put("low", lows[j]);
            logSpace.put("high", highs[j]);
            ObjectNode naturalSpace = parameter.putObject("natural");
            naturalSpace.put("name", naturalNames.get(j));
            naturalSpace.put("estimate", natural[j]);
            naturalSpace.put("standard_error", naturalSe[j]);
            naturalSpace.put("low", naturalLows[j]);
            naturalSpace.put("high", naturalHighs[j]);
        }
        putMatrix(root.putArray("covariance"), bootstrap.covariance());
        putMatrix(root.putArray("natural_covariance"), bootstrap.untransformedCovariance());
        if (allocation != null) {
            putAllocation(root.putObject("allocation"), allocation, bootstrap.count());
        }
        if (replicates) {
            putMatrix(root.putArray("draws"), bootstrap.replicates());
        }
        ObjectNode origin = root.putObject("provenance");
        origin.put("fit_file", fit.file().toString());
        origin.put("fit_sha256", fitSha256);
        origin.put("data", data.data());
        origin.put("data_sha256", data.dataSha256());
        ArrayNode transforms = origin.putArray("transforms");
        data.transforms().forEach(transforms::add);
        ObjectNode columns = origin.putObject("columns");
        data.columns().forEach(columns::put);
        origin.put("scalefit_version", version);
        ObjectNode run = root.putObject("run");
        run.put("threads", threads);
        run.put("seconds", seconds);
        return mapper.writeValueAsString(root) + "\n";
    }

    private void putAllocation(ObjectNode node, AllocationBands allocation, int replicates) {
        node.put("level", allocation.level());
        if (!allocation.computed()) {
            node.put("skipped", allocation.skipped());
            return;
        }
        node.put("replicates_used", replicates - allocation.unusableReplicates().length);
        putInts(node.putArray("unusable_replicates"), allocation.unusableReplicates());
        ArrayNode budgets = node.putArray("budgets");
        for (AllocationBands.Band band : allocation.bands()) {
            ObjectNode row = budgets.addObject();
            row.put("compute", band.compute());
            Allocation point = band.estimate();
            ObjectNode estimate = row.putObject("estimate");
            estimate.put("params", point.params());
            estimate.put("tokens", point.tokens());
            estimate.put("tokens_per_param", point.tokensPerParam());
            estimate.put("loss", point.predictedLoss());
            putSpread(row.putObject("params"), band.params());
            putSpread(row.putObject("tokens"), band.tokens());
            putSpread(row.putObject("tokens_per_param"), band.tokensPerParam());
            putSpread(row.putObject("loss"), band.loss());
        }
    }

    private static void putSpread(ObjectNode node, AllocationBands.Spread spread) {
        node.put("low", spread.low());
        node.put("median", spread.median());
        node.put("high", spread.high());
    }

    private static double[] natural(double[] theta, int arity) {
        double[] out = theta.clone();
        for (int j = arity; j < out.length; j++) {
            out[j] = Math.exp(out[j]);
        }
        return out;
    }

    private static void putInts(ArrayNode node, int[] values) {
        for (int value : values) {
            node.add(value);
        }
    }

    private static void putMatrix(ArrayNode node, double[][] rows) {
        for (double[] row : rows) {
            ArrayNode out = node.addArray();
            for (double value : row) {
                out.add(value);
            }
        }
    }
}
