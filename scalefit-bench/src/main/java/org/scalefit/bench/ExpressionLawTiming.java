package org.scalefit.bench;

import java.util.List;
import java.util.Locale;
import org.scalefit.data.Observations;
import org.scalefit.data.RunTable;
import org.scalefit.fit.DifferentiableObjective;
import org.scalefit.fit.FitProblem;
import org.scalefit.fit.FitProgress;
import org.scalefit.fit.HuberLogLossObjective;
import org.scalefit.fit.LawFit;
import org.scalefit.fit.MultiStartFitter;
import org.scalefit.fit.StartGrid;
import org.scalefit.io.ColumnRequest;
import org.scalefit.io.TableReader;
import org.scalefit.law.LawForm;
import org.scalefit.law.expr.ExpressionFit;
import org.scalefit.law.expr.ExpressionFitRequest;
import org.scalefit.law.expr.ExpressionLaw;
import org.scalefit.law.expr.ExpressionObjective;
import org.scalefit.law.expr.LawExpression;
import org.scalefit.law.expr.LawPoints;
import org.scalefit.law.expr.NamedLaws;
import org.scalefit.law.expr.ParameterSpec;
import org.scalefit.law.expr.Penalty;
import org.scalefit.parallel.LocalParallelism;

/**
 * Times a law written in the law language against the built-in {@link HuberLogLossObjective} on bundled data:
 * one objective-and-gradient evaluation (minimum over repetitions of a timed loop), and the whole multi-start fit on
 * one thread (δ = 10⁻³, Gemstones' grid). Three forms of Chinchilla's law: built-in; the named law
 * ({@code exp(e) + exp(a − alpha·log N) + exp(b − beta·log D)}); and as a user writes it,
 * {@code E + A/N^alpha + B/D^beta} with A, B, E on the log scale. For 3 and 4 inputs, the named width–depth laws.
 *
 * <p>Run: {@code java -cp <classpath> org.scalefit.bench.ExpressionLawTiming [fits | width-depth-fit [data]]} (see
 * BENCHMARKS.md); {@code width-depth-fit} times one whole 3-input fit, built-in against the law written as text.
 */
public final class ExpressionLawTiming {

    private ExpressionLawTiming() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("width-depth-fit")) {
            widthDepthFit(args.length > 1 ? args[1] : "gemstones:hot_100b+");
            return;
        }
        boolean fits = args.length > 0 && args[0].equals("fits");
        System.out.println("| data | law | points | built-in µs | expression µs | ratio |");
        System.out.println("|---|---|---|---|---|---|");
        for (String id : List.of("gemstones:hot", "chinchilla:epoch", "gemstones:hot_100b+")) {
            evaluations(id, "chinchilla");
        }
        evaluations("gemstones:hot_100b+", "width-depth");
        evaluations("gemstones:hot_100b+", "width-depth-params");
        if (fits) {
            System.out.println();
            System.out.println("| data | points | built-in s | named s (ratio) | user-written s (ratio) | objectives |");
            System.out.println("|---|---|---|---|---|---|");
            for (String id : List.of("gemstones:hot", "chinchilla:epoch", "gemstones:slim_chinchilla",
                    "gemstones:hot_100b+")) {
                wholeFits(id);
            }
        }
    }

    private static Observations read(String id, LawForm form) {
        List<String> columns = new java.util.ArrayList<>(form.inputs());
        columns.add("loss");
        RunTable table = new TableReader().read(id, ColumnRequest.of(columns.toArray(String[]::new)));
        return Observations.fromTable(table, form.inputs(), "loss");
    }

    private static void evaluations(String id, String law) {
        LawForm form = LawForm.named(law);
        Observations observations = read(id, form);
        HuberLogLossObjective builtIn = HuberLogLossObjective.of(form, observations, 1e-3);
        ExpressionLaw named = NamedLaws.named(law).withPenalty(Penalty.huber(1e-3));
        for (int j = 0; j < form.arity(); j++) {
            named = named.withColumn(named.expression().inputs().get(j), form.inputs().get(j));
        }
        ExpressionObjective expression = ExpressionObjective.of(named, LawPoints.of(observations));
        double[] theta = new double[builtIn.dimension()];
        StartGrid.gemstones(form.arity()).start(StartGrid.gemstones(form.arity()).size() / 3, theta);
        double a = microseconds(builtIn, theta);
        double b = microseconds(expression, theta);
        a = Math.min(a, microseconds(builtIn, theta));
        b = Math.min(b, microseconds(expression, theta));
        System.out.printf(Locale.ROOT, "| %s | %s | %d | %.2f | %.2f | %.2f× |%n", id, law, observations.size(), a, b,
                b / a);
    }

    /** Minimum over 15 repetitions of the mean time of 2 000 evaluations, after 20 000 of warm-up. */
    private static double microseconds(DifferentiableObjective objective, double[] theta) {
        double[] gradient = new double[theta.length];
        double sink = 0;
        for (int i = 0; i < 20_000; i++) {
            sink += objective.valueAndGradient(theta, gradient);
        }
        double best = Double.POSITIVE_INFINITY;
        for (int r = 0; r < 15; r++) {
            long begin = System.nanoTime();
            for (int i = 0; i < 2_000; i++) {
                theta[0] += 1e-12;
                sink += objective.valueAndGradient(theta, gradient);
            }
            best = Math.min(best, (System.nanoTime() - begin) / 2_000.0 / 1e3);
        }
        if (sink == 42) {
            System.out.println();
        }
        return best;
    }

    private static void wholeFits(String id) {
        Observations observations = read(id, LawForm.CHINCHILLA);
        LocalParallelism one = LocalParallelism.withThreads(1);
        MultiStartFitter.Options fitter = MultiStartFitter.Options.defaults();
        // warm-up of all three paths
        new FitProblem(LawForm.CHINCHILLA, observations, 1e-3, StartGrid.gemstones(2), fitter)
                .fit(one, FitProgress.silent());
        ExpressionFitRequest named = ExpressionFitRequest.of(NamedLaws.named("chinchilla")
                .withColumn("N", "params").withColumn("D", "tokens").withPenalty(Penalty.huber(1e-3)),
                LawPoints.of(observations));
        ExpressionFitRequest user = ExpressionFitRequest.of(userChinchilla(), LawPoints.of(observations));
        named.run(one, FitProgress.silent());
        user.run(one, FitProgress.silent());
        double builtInSeconds = Double.POSITIVE_INFINITY;
        double namedSeconds = Double.POSITIVE_INFINITY;
        double userSeconds = Double.POSITIVE_INFINITY;
        LawFit builtIn = null;
        ExpressionFit namedFit = null;
        ExpressionFit userFit = null;
        for (int r = 0; r < 3; r++) {
            long t0 = System.nanoTime();
            builtIn = new FitProblem(LawForm.CHINCHILLA, observations, 1e-3, StartGrid.gemstones(2), fitter)
                    .fit(one, FitProgress.silent());
            long t1 = System.nanoTime();
            namedFit = named.run(one, FitProgress.silent());
            long t2 = System.nanoTime();
            userFit = user.run(one, FitProgress.silent());
            long t3 = System.nanoTime();
            builtInSeconds = Math.min(builtInSeconds, (t1 - t0) / 1e9);
            namedSeconds = Math.min(namedSeconds, (t2 - t1) / 1e9);
            userSeconds = Math.min(userSeconds, (t3 - t2) / 1e9);
        }
        System.out.printf(Locale.ROOT, "| %s | %d | %.3f | %.3f (%.2f×) | %.3f (%.2f×) | %.12g / %.12g / %.12g |%n",
                id, observations.size(), builtInSeconds, namedSeconds, namedSeconds / builtInSeconds, userSeconds,
                userSeconds / builtInSeconds, builtIn.loss(), namedFit.objective(), userFit.objective());
    }

    /**
     * One whole 3-input fit each (no warm-up beyond a fit on a 24-point set), two threads as the command line runs
     * it: the built-in width–depth law, then the same law written as text (the named law's expression).
     */
    private static void widthDepthFit(String id) {
        LawForm form = LawForm.named("width-depth");
        LocalParallelism two = LocalParallelism.withThreads(2);
        ExpressionLaw text = NamedLaws.named("width-depth").withPenalty(Penalty.huber(1e-3));
        for (int j = 0; j < form.arity(); j++) {
            text = text.withColumn(text.expression().inputs().get(j), form.inputs().get(j));
        }
        Observations small = read("gemstones:hot_sampled_like_chinchilla", form);
        FitProblem.of(form, small, 1e-3, StartGrid.gemstones(3)).fit(two, FitProgress.silent());
        ExpressionFitRequest.of(text, LawPoints.of(small)).run(two, FitProgress.silent());
        Observations observations = read(id, form);
        long t0 = System.nanoTime();
        LawFit builtIn = FitProblem.of(form, observations, 1e-3, StartGrid.gemstones(3)).fit(two, FitProgress.silent());
        long t1 = System.nanoTime();
        ExpressionFit written = ExpressionFitRequest.of(text, LawPoints.of(observations)).run(two,
                FitProgress.silent());
        long t2 = System.nanoTime();
        System.out.printf(Locale.ROOT, "| %s | %d | %s | %.1f | %.1f | %.2f× | %.12g / %.12g |%n", id,
                observations.size(), text.expression().text(), (t1 - t0) / 1e9, (t2 - t1) / 1e9,
                (double) (t2 - t1) / (t1 - t0), builtIn.loss(), written.objective());
    }

    /** {@code E + A/N^alpha + B/D^beta}, A, B, E on the log scale, Gemstones' start values in θ units. */
    static ExpressionLaw userChinchilla() {
        double[] coefficients = new double[6];
        for (int i = 0; i < 6; i++) {
            coefficients[i] = Math.exp(5 * i);
        }
        double[] floors = new double[5];
        for (int i = 0; i < 5; i++) {
            floors[i] = Math.exp(-1 + 0.5 * i);
        }
        double[] exponents = {0, 0.5, 1, 1.5, 2};
        LawExpression expression = LawExpression.parse("E + A/N^alpha + B/D^beta", List.of("N", "D"),
                List.of("E", "A", "B", "alpha", "beta"));
        return ExpressionLaw.of("user-chinchilla", expression)
                .withColumn("N", "params").withColumn("D", "tokens")
                .withParameter(ParameterSpec.free("E").logScale().withStarts(floors))
                .withParameter(ParameterSpec.free("A").logScale().withStarts(coefficients))
                .withParameter(ParameterSpec.free("B").logScale().withStarts(coefficients))
                .withParameter(ParameterSpec.free("alpha").withStarts(exponents))
                .withParameter(ParameterSpec.free("beta").withStarts(exponents));
    }
}
