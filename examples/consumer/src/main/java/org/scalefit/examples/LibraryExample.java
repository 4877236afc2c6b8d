package org.scalefit.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.scalefit.fit.FitProgress;
import org.scalefit.fit.LawFit;
import org.scalefit.io.AllocationRules;
import org.scalefit.io.DataSource;
import org.scalefit.io.ScalefitVersion;
import org.scalefit.io.analysis.FitBootstrapOutcome;
import org.scalefit.io.analysis.FitBootstrapRequest;
import org.scalefit.io.analysis.FitOutcome;
import org.scalefit.io.analysis.FitRequest;
import org.scalefit.io.analysis.PreparedFit;
import org.scalefit.law.Allocation;
import org.scalefit.law.LawForm;
import org.scalefit.parallel.LocalParallelism;
import org.scalefit.report.HtmlReport;
import org.scalefit.report.Provenance;
import org.scalefit.report.Report;
import org.scalefit.report.plot.RunStyles;
import org.scalefit.report.charts.Runs;
import org.scalefit.report.sections.LawFitSection;

/** Fit your runs, bootstrap the fit, allocate budgets and write a report: {@code LibraryExample runs.csv out/}. */
public final class LibraryExample {

    public static void main(String[] args) throws Exception {
        Path runs = Path.of(args[0]);
        Path out = Files.createDirectories(Path.of(args[1]));
        LocalParallelism threads = LocalParallelism.allCores();

        // 1. Approach 3: L(N, D) = E + A/N^α + B/D^β fitted to the runs (columns params, tokens, loss)
        PreparedFit prepared = FitRequest.of(DataSource.of(runs.toString()), LawForm.CHINCHILLA).prepare();
        FitOutcome outcome = prepared.fit(threads, FitProgress.silent());
        LawFit fit = outcome.fit();
        System.out.println(fit.status() + ": " + fit.namedParameters());
        Path fitFile = out.resolve("fit.json");
        Files.writeString(fitFile, outcome.document().write());

        // 2. Its bootstrap: whole runs resampled, each replicate refitted from the estimate
        FitBootstrapOutcome bootstrap = FitBootstrapRequest.of(fitFile, 200, 42).withCompute(1e21, 1e23)
                .prepare().run(threads, FitProgress.silent());
        Files.writeString(out.resolve("bootstrap.json"), bootstrap.document(false).write());

        // 3. The compute-optimal allocation of budgets (Chinchilla eq. 4)
        for (Allocation allocation : AllocationRules.named(fitFile.toString()).at(1e21, 1e23)) {
            System.out.printf("C = %.0e: N = %.3g, D = %.3g%n", allocation.compute(), allocation.params(),
                    allocation.tokens());
        }

        // 4. An offline HTML report of the fit, with the bootstrap's intervals
        double[] params = prepared.inputs().column("params");
        List<String> names = new ArrayList<>();
        for (double n : params) {
            names.add(String.format("%.3g params", n));
        }
        Report report = new Report("My runs", List.of(LawFitSection.of("fit", fit, prepared.inputs().observations(),
                Runs.named(names), RunStyles.none(), bootstrap.result())), new Provenance(ScalefitVersion.current(),
                List.of(new Provenance.DataSource(runs.toString(), outcome.provenance().dataSha256(), "")), Map.of(),
                null, Map.of()));
        HtmlReport.write(report, out.resolve("report"));
    }
}
