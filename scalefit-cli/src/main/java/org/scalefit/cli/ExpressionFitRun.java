package org.scalefit.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.scalefit.data.RowLocation;
import org.scalefit.fit.Identification;
import org.scalefit.fit.LawFit;
import org.scalefit.fit.MultiStartFitter;
import org.scalefit.io.AtomicFiles;
import org.scalefit.io.ExpressionFitDocument;
import org.scalefit.io.ExpressionLawFiles;
import org.scalefit.io.InputException;
import org.scalefit.io.RunTiming;
import org.scalefit.io.Transform;
import org.scalefit.io.analysis.PreparedExpressionFit;
import org.scalefit.io.store.CacheKey;
import org.scalefit.io.store.StoredResult;
import org.scalefit.law.expr.ExpressionBootstrap;
import org.scalefit.law.expr.ExpressionBootstrapResult;
import org.scalefit.law.expr.ExpressionException;
import org.scalefit.law.expr.ExpressionFit;
import org.scalefit.law.expr.ExpressionFitRequest;
import org.scalefit.law.expr.ExpressionLaw;
import org.scalefit.law.expr.NamedLaws;
import org.scalefit.parallel.EngineProvider;

/**
 * {@code scalefit fit} for a law written as text, read from a law file, or named in the law language (kaplan,
 * data-constrained, …): reads the law's columns ({@link PreparedExpressionFit}), serves the result from the results
 * store or runs {@link ExpressionFitRequest}, prints the parameters and writes the result document
 * ({@link ExpressionFitDocument}).
 */
final class ExpressionFitRun {

    private ExpressionFitRun() {
    }

    /**
     * Reads the law's columns, then serves the result from the store or fits (and bootstraps) and stores it; prints
     * the document either way, so that a served result prints as it did when it was computed.
     */
    static int run(ExpressionLaw law, String weightColumn, DataOptions input, EngineProvider.Engine engine,
                   MultiStartFitter.Options options, Integer bootstrap, long seed, Path out,
                   Identification.Limits limits, StoreOptions store) {
        String localData = engine.localCopy(input.data);
        PreparedExpressionFit prepared;
        try {
            prepared = PreparedExpressionFit.read(law, weightColumn, input.source(), localData, options, limits,
                    bootstrap, seed);
        } catch (InputException e) {
            throw missingInput(law, input, e);
        }
        noteDerivedRatio(law, prepared.provenance().transforms(), input.data);
        ExpressionFitRequest request = prepared.request();
        request.objective(); // checks the law against the data before the store or the progress bar
        CacheKey key = prepared.cacheKey();
        Optional<StoredResult> stored = store.lookup("fit", out, key);
        String source = stored.isPresent() ? "the results store's fit " + key.sha256() : "the fit's document";
        ExpressionFitDocument document;
        if (stored.isPresent()) {
            document = ExpressionFitDocument.read(source, stored.get().result());
        } else {
            long begin = System.nanoTime();
            ExpressionFit fit;
            try (TerminalProgress progress = TerminalProgress.start("fit " + law.name(), request.grid().size())) {
                fit = request.run(engine, progress, limits);
            }
            ExpressionBootstrapResult replicates = null;
            if (bootstrap != null && fit.hasOptimum()) {
                try (TerminalProgress progress = TerminalProgress.start("bootstrap " + law.name(), bootstrap)) {
                    replicates = new ExpressionBootstrap(fit, prepared.points(), bootstrap, seed).run(engine,
                            progress);
                }
            }
            double seconds = (System.nanoTime() - begin) / 1e9;
            document = prepared.document(fit, replicates, new RunTiming(engine.threads(), seconds));
        }
        String text = stored.isPresent() ? stored.get().result() : document.write();
        if (out != null) {
            AtomicFiles.writeString(out, text);
        }
        ExpressionLawFiles.FitSummary summary = document.summary(source);
        print(summary, System.out);
        summary.bootstrap().ifPresent(replicates -> printIntervals(summary.law(), replicates, System.out));
        if (summary.status().equals(LawFit.Status.NOT_IDENTIFIED.label())) {
            System.err.println(Wording.notIdentified("scalefit fit"));
        }
        if (stored.isEmpty()) {
            store.record("fit", out, prepared.runTable(), key, text, summary.seconds());
        }
        int exit = ScalefitCommand.exitCode(summary.status());
        if (exit == 0 && summary.bootstrap().isPresent() && summary.bootstrap().get().converged() < 2) {
            System.err.println("scalefit fit: the fit converged but fewer than 2 bootstrap refits did: no intervals");
            return ScalefitCommand.EXIT_FIT_FAILED;
        }
        return exit;
    }

    /** Says on standard error that the law's M was derived as tokens/params, when {@code transforms} say so. */
    static void noteDerivedRatio(ExpressionLaw law, List<String> transforms, String data) {
        if (transforms.contains(new Transform.TokensPerParam().label())) {
            String ratio = law.expression().inputs().get(law.columns().indexOf(Transform.TokensPerParam.COLUMN));
            System.err.println(RowLocation.source(data) + ": " + ratio + " = tokens/params (no "
                    + Transform.TokensPerParam.COLUMN + " column; recorded in the result's provenance)");
        }
    }

    /** A column the law reads and the data lacks, as an error at the input's place in the expression. */
    static RuntimeException missingInput(ExpressionLaw law, DataOptions input, InputException e) {
        if (e.line().isPresent() || e.column().isEmpty()) {
            return e;
        }
        String missing = e.column().get();
        for (int j = 0; j < law.columns().size(); j++) {
            String column = law.columns().get(j);
            if (missing.equals(column) || missing.equals(input.mapping().fileColumn(column))) {
                String name = law.expression().inputs().get(j);
                boolean byDefault = !NamedLaws.exists(law.name())
                        && column.equals(ExpressionLawFiles.DEFAULT_COLUMNS.get(name));
                return new ExpressionException("input '" + name + "' reads column '" + column + "', which "
                        + input.data + " does not have (" + e.found() + "; map it with --input " + name + "=COLUMN"
                        + (byDefault ? "; " + String.join(", ", ExpressionLawFiles.DEFAULT_COLUMNS.keySet().stream()
                        .sorted().toList()) + " are inputs in a law written as text unless a control names them: if "
                        + name + " is a parameter, name it in --start, --log or --bounds, or give it another name"
                        : "") + ")", law.expression().text(),
                        law.expression().inputOffset(j));
            }
        }
        return e;
    }

    private static void printIntervals(ExpressionLaw law, ExpressionLawFiles.BootstrapSummary replicates,
                                       PrintStream out) {
        out.printf(Locale.ROOT, "bootstrap: %d resamples (seed %d), %d refits converged; 95 %% percentile "
                + "intervals of the converged refits:%n", replicates.replicates(), replicates.seed(),
                replicates.converged());
        for (Map.Entry<String, double[]> interval : replicates.intervals().entrySet()) {
            var spec = law.parameterNames().contains(interval.getKey()) ? law.parameter(interval.getKey()) : null;
            if (spec != null && spec.isFixed()) {
                out.printf(Locale.ROOT, "  %-10s fixed at %s%n", interval.getKey(), Wording.exact(spec.fixed()));
                continue;
            }
            out.printf(Locale.ROOT, "  %-10s in [%.6g, %.6g]%s%n", interval.getKey(), interval.getValue()[0],
                    interval.getValue()[1], replicates.notIdentified().contains(interval.getKey()) ? " *" : "");
        }
        if (!replicates.notIdentified().isEmpty()) {
            out.println("  * not identified (the fit's warnings): the refits barely move it, so its interval is not "
                    + "an uncertainty");
        }
        int failed = replicates.replicates() - replicates.converged();
        if (failed > 0) {
            out.printf(Locale.ROOT, "warning: %d of %d bootstrap refits did not reach a tested local minimum and are "
                    + "left out of the intervals%s; a badly scaled law (a coefficient far from 1 on the linear "
                    + "scale) is the usual cause: fit it on the log scale (--log NAME)%n", failed,
                    replicates.replicates(), replicates.converged() < 2 ? ", so there are none" : "");
        }
    }

    private static void print(ExpressionLawFiles.FitSummary fit, PrintStream out) {
        Integer distinct = fit.distinctPoints();
        out.printf(Locale.ROOT, "%s law on %d points (%s%s residuals, %s): %d starts, %d converged (%d recognised "
                        + "early), %.2f s on %s%n", fit.law().name(), fit.points(),
                distinct == null || distinct == fit.points() ? "" : distinct + " distinct; ",
                fit.law().residual().name().toLowerCase(Locale.ROOT), Wording.penalty(fit.law().penalty()),
                fit.starts(),
                fit.successfulStarts(), fit.recognisedStarts(), fit.seconds(), Counts.of(fit.threads(), "thread"));
        out.println("L = " + fit.law().expression().text().strip().replace("\n", " "));
        if (fit.status().equals(LawFit.Status.NOT_IDENTIFIED.label())) {
            out.println("NOT IDENTIFIED: the data cannot identify the law; no fit was made");
            fit.warnings().forEach(warning -> out.println("  " + warning));
            return;
        }
        if (!fit.hasOptimum()) {
            out.println("FAILED: " + String.join("; ", fit.warnings()));
            return;
        }
        if (!fit.status().equals(LawFit.Status.CONVERGED.label())) {
            out.println(Wording.notConverged(fit.status()));
        }
        out.printf(Locale.ROOT, "%s = %.12g%n", Wording.OBJECTIVE, fit.objective());
        for (Map.Entry<String, Double> parameter : fit.parameters().entrySet()) {
            var spec = fit.law().parameter(parameter.getKey());
            String how = spec.isFixed() ? " (fixed)" : spec.isTied() ? " (= " + spec.tiedTo() + ")" : "";
            out.printf(Locale.ROOT, "  %-10s = %.10g%s%n", parameter.getKey(), parameter.getValue(), how);
        }
        for (String warning : fit.warnings()) {
            out.println("warning: " + warning);
        }
    }
}
