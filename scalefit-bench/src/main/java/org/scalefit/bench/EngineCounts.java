package org.scalefit.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.scalefit.data.Observations;
import org.scalefit.data.RunTable;
import org.scalefit.fit.HuberLogLossObjective;
import org.scalefit.fit.MultiStartFitter;
import org.scalefit.fit.MultiStartResult;
import org.scalefit.fit.FitProgress;
import org.scalefit.fit.StartGrid;
import org.scalefit.io.ColumnRequest;
import org.scalefit.io.TableReader;
import org.scalefit.law.LawForm;
import org.scalefit.parallel.LocalParallelism;

/**
 * Deterministic counts of the multi-start engine with each local method: starts, starts recognised early, objective
 * evaluations in the search and in verification, and the objective reached. Counts, unlike timings, do not depend on
 * the load of the machine or the number of threads.
 *
 * <p>Run: {@code java -cp … org.scalefit.bench.EngineCounts DATA LAW GRID DELTA [threads] [drop-highest]}, e.g.
 * {@code gemstones:hot chinchilla gemstones 1e-3}; GRID is {@code gemstones} or {@code epoch}.
 */
public final class EngineCounts {

    private EngineCounts() {
    }

    public static void main(String[] args) {
        String data = args[0];
        LawForm law = LawForm.named(args[1]);
        StartGrid grid = StartGrid.named(args[2], law.arity());
        double delta = Double.parseDouble(args[3]);
        int threads = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        int drop = args.length > 5 ? Integer.parseInt(args[5]) : 0;
        List<String> columns = new ArrayList<>(law.inputs());
        columns.add("loss");
        RunTable table = new TableReader().read(data, ColumnRequest.of(columns.toArray(String[]::new)));
        Observations observations = Observations.fromTable(table, law.inputs(), "loss");
        if (drop > 0) {
            observations = observations.withoutHighestLosses(drop);
        }
        HuberLogLossObjective objective = HuberLogLossObjective.of(law, observations, delta);
        for (MultiStartFitter.LocalMethod method : MultiStartFitter.LocalMethod.values()) {
            MultiStartFitter.Options options = MultiStartFitter.Options.defaults().withLocalMethod(method);
            MultiStartResult result = new MultiStartFitter(options).fit(objective, grid,
                    LocalParallelism.withThreads(threads), FitProgress.silent());
            System.out.printf(Locale.ROOT, "%s %s %s δ=%s %s: starts %d recognised %d search-evals %d (%.1f/start)"
                            + " verification-evals %d objective %s stationary %s%n",
                    data, law.name(), grid.name(), args[3], method, result.starts(), result.recognisedStarts(),
                    result.evaluations(), result.evaluations() / (double) result.starts(),
                    result.verificationEvaluations(), result.best().value(), result.stationarity().holds());
        }
    }
}
