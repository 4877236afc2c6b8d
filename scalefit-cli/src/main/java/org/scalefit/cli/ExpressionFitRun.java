package org.scalefit.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.scalefit.data.RunTable;
import org.scalefit.fit.Identification;
import org.scalefit.fit.LawFit;
import org.scalefit.fit.MultiStartFitter;
import org.scalefit.io.AtomicFiles;
import org.scalefit.io.ColumnRequest;
import org.scalefit.io.ExpressionLawFiles;
import org.scalefit.io.InputException;
import org.scalefit.law.expr.ExpressionBootstrap;
import org.scalefit.law.expr.ExpressionBootstrapResult;
import org.scalefit.law.expr.ExpressionException;
import org.scalefit.law.expr.ExpressionFit;
import org.scalefit.law.expr.ExpressionFitRequest;
import org.scalefit.law.expr.ExpressionLaw;
import org.scalefit.law.expr.LawPoints;
import org.scalefit.parallel.EngineProvider;

/**
 * {@code scalefit fit} for a law written as text, read from a law file, or named in the law language (kaplan,
 * data-constrained, …): reads the law's columns, runs {@link ExpressionFitRequest}, prints the parameters and
 * writes the result document ({@link ExpressionLawFiles#fitDocument}).
 */
final class ExpressionFitRun {

    private ExpressionFitRun() {
    }

    static int run(ExpressionLaw law, String weightColumn, DataOptions input, EngineProvider.Engine engine,
                   MultiStartFitter.Options options, Integer bootstrap, long seed, Path out,
                   Identification.Limits limits) {
        String localData = engine.localCopy(input.data);
        List<String> wanted = new ArrayList<>(law.columns());
        if (weightColumn != null) {
            wanted.add(weightColumn);
        }
        wanted.add("loss");
        RunTable table;
        try {
            table = input.source().reading(localData).read(ColumnRequest.of(wanted.stream().distinct()
                    .toArray(String[]::new)));
        } catch (InputException e) {
            throw missingInput(law, input, e);
        }
        double[][] columns = new double[law.columns().size()][];
        for (int j = 0; j < columns.length; j++) {
            columns[j] = table.column(law.columns().get(j));
        }
        LawPoints points = LawPoints.of(input.data, law.columns(), columns, table.column("loss"));
        if (weightColumn != null) {
            if (!table.hasColumn(weightColumn)) {
                throw new IllegalArgumentException("weight column '" + weightColumn + "' is not in " + input.data);
            }
            points = points.withWeights(table.column(weightColumn));
        }
        ExpressionFitRequest request = new ExpressionFitRequest(law, points, options);
        long begin = System.nanoTime();
        ExpressionFit fit;
        request.objective(); // checks the law against the data before the progress bar starts
        try (TerminalProgress progress = TerminalProgress.start("fit " + law.name(), request.grid().size())) {
            fit = request.run(engine, progress, limits);
        }
        ExpressionBootstrapResult replicates = null;
        if (bootstrap != null && fit.hasOptimum()) {
            try (TerminalProgress progress = TerminalProgress.start("bootstrap " + law.name(), bootstrap)) {
                replicates = new ExpressionBootstrap(fit, points, bootstrap, seed).run(engine, progress);
            }
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        if (out != null) {
            AtomicFiles.writeString(out, ExpressionLawFiles.fitDocument(fit, replicates, input.data,
                    table.contentHash(), seconds));
        }
        print(fit, seconds, engine.threads(), System.out);
        if (replicates != null) {
            printIntervals(replicates, System.out);
        }
        if (fit.status() == LawFit.Status.NOT_IDENTIFIED) {
            System.err.println("scalefit fit: the data cannot identify the law: " + String.join("; ",
                    fit.warnings()));
        }
        return ScalefitCommand.exitCode(fit.status().label());
    }

    /** A column the law reads and the data lacks, as an error at the input's place in the expression. */
    private static RuntimeException missingInput(ExpressionLaw law, DataOptions input, InputException e) {
        if (e.line().isPresent() || e.column().isEmpty()) {
            return e;
        }
        String missing = e.column().get();
        for (int j = 0; j < law.columns().size(); j++) {
            String column = law.columns().get(j);
            if (missing.equals(column) || missing.equals(input.mapping().fileColumn(column))) {
                return new ExpressionException("input '" + law.expression().inputs().get(j) + "' reads column '"
                        + column + "', which " + input.data + " does not have (" + e.found() + "; map it with "
                        + "--input " + law.expression().inputs().get(j) + "=COLUMN)", law.expression().text(),
                        law.expression().inputOffset(j));
            }
        }
        return e;
    }

    private static void printIntervals(ExpressionBootstrapResult replicates, PrintStream out) {
        out.printf(Locale.ROOT, "bootstrap: %d resamples (seed %d), %d refits converged; 95 %% percentile "
                + "intervals:%n", replicates.count(), replicates.seed(), replicates.converged());
        double[][] intervals = replicates.parameterIntervals(0.95);
        List<String> names = replicates.law().parameterNames();
        for (int p = 0; p < names.size(); p++) {
            out.printf(Locale.ROOT, "  %-10s in [%.6g, %.6g]%n", names.get(p), intervals[p][0], intervals[p][1]);
        }
    }

    private static void print(ExpressionFit fit, double seconds, int threads, PrintStream out) {
        out.printf(Locale.ROOT, "%s law on %d points (%s residuals, %s): %d starts, %d converged (%d recognised "
                        + "early), %.2f s on %d threads%n", fit.law().name(), fit.points(),
                fit.law().residual().name().toLowerCase(Locale.ROOT), fit.law().penalty(), fit.search().starts(),
                fit.search().successfulStarts(), fit.search().recognisedStarts(), seconds, threads);
        out.println("L = " + fit.law().expression().text().strip().replace("\n", " "));
        if (fit.status() == LawFit.Status.NOT_IDENTIFIED) {
            out.println("NOT IDENTIFIED: the data cannot identify the law; no fit was made");
            fit.warnings().forEach(warning -> out.println("  " + warning));
            return;
        }
        if (!fit.hasOptimum()) {
            out.println("FAILED: " + String.join("; ", fit.warnings()));
            return;
        }
        if (!fit.succeeded()) {
            out.println("NOT CONVERGED: the best point found is not a tested local minimum (status "
                    + fit.status().label() + "); see the warnings");
        }
        out.printf(Locale.ROOT, "objective = %.12g%n", fit.objective());
        for (Map.Entry<String, Double> parameter : fit.named().entrySet()) {
            var spec = fit.law().parameter(parameter.getKey());
            String how = spec.isFixed() ? " (fixed)" : spec.isTied() ? " (= " + spec.tiedTo() + ")" : "";
            out.printf(Locale.ROOT, "  %-10s = %.10g%s%n", parameter.getKey(), parameter.getValue(), how);
        }
        for (String warning : fit.warnings()) {
            out.println("warning: " + warning);
        }
    }
}
