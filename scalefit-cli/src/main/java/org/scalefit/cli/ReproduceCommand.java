package org.scalefit.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.scalefit.io.ScalefitVersion;
import org.scalefit.parallel.LocalParallelism;
import org.scalefit.report.HtmlReport;
import org.scalefit.report.Report;
import org.scalefit.reproduce.ReproductionContext;
import org.scalefit.reproduce.ReproductionSections;
import org.scalefit.reproduce.ReproductionTables;
import org.scalefit.reproduce.Studies;
import org.scalefit.reproduce.Study;
import org.scalefit.reproduce.StudyReproduction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code scalefit reproduce}: recomputes each study's published numbers from the bundled data and prints them side
 * by side with the published values.
 */
@Command(name = "reproduce", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Recompute each study's published numbers from the bundled data and show them beside the "
                + "published values, with the difference and whether it is within the tolerance."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every published number reproduced", "1:I/O error", "2:bad usage",
                "5:a published number was not reproduced", "130:interrupted"})
final class ReproduceCommand implements Callable<Integer> {

    /** Exit code when a reproduced number is outside its tolerance. */
    static final int EXIT_NOT_REPRODUCED = 5;

    @Parameters(arity = "1..*", paramLabel = "STUDY", completionCandidates = StudyNames.class,
            description = "${COMPLETION-CANDIDATES} (see Studies below).")
    List<String> studies;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Write the report (index.html, figures/) with reproduction.json and reproduction.md into "
                    + "DIR, atomically; an existing DIR is replaced only if it is a scalefit report.")
    Path out;

    @Mixin
    TimestampsOption timestamps = new TimestampsOption();

    @Option(names = "--full", description = "Also run the hour-long fits (Gemstones' three 4-input width–depth laws).")
    boolean full;

    @Mixin
    ThreadsOptions threads = new ThreadsOptions();

    private static final String STUDIES_SECTION = "studies";

    /** The registered study names and {@code all}, for the STUDY parameter's help. */
    static final class StudyNames extends ArrayList<String> {
        StudyNames() {
            super(Studies.names());
            add(Studies.ALL);
        }
    }

    /** Adds a section listing the registered studies ({@link Studies#all()}) to the help, after the exit codes. */
    @Spec
    void listStudies(CommandSpec spec) {
        UsageMessageSpec usage = spec.usageMessage();
        usage.sectionMap().put(STUDIES_SECTION, help -> {
            int width = help.commandSpec().usageMessage().width();
            Help.TextTable table = Help.TextTable.forColumns(help.colorScheme(),
                    new Help.Column(16, 2, Help.Column.Overflow.SPAN),
                    new Help.Column(width - 16, 1, Help.Column.Overflow.WRAP));
            for (Study study : Studies.all()) {
                table.addRowValues(study.name(), study.title() + ": " + study.description() + ". Data: "
                        + String.join(", ", study.data()) + ".");
            }
            table.addRowValues(Studies.ALL, "Every study above, in this order.");
            return help.createHeading("%nStudies:%n") + table;
        });
        List<String> keys = new ArrayList<>(usage.sectionKeys());
        keys.add(keys.indexOf(UsageMessageSpec.SECTION_KEY_FOOTER_HEADING), STUDIES_SECTION);
        usage.sectionKeys(keys);
    }

    @Override
    public Integer call() {
        List<Study> chosen = Studies.select(studies);
        if (out != null) {
            OutputPaths.requireWritableDirectory(out);
            HtmlReport.requireReplaceable(out);
        }
        LocalParallelism parallelism = threads.local();
        List<StudyReproduction> results = new ArrayList<>();
        for (Study study : chosen) {
            StudyReproduction result;
            try (TerminalProgress progress = TerminalProgress.start("reproduce " + study.name(), -1)) {
                result = study.run(new ReproductionContext(parallelism, progress, full));
            }
            System.out.print(ReproductionTables.text(result));
            System.out.flush();
            results.add(result);
        }
        if (out != null) {
            writeReport(results, parallelism.threads());
        }
        long differing = results.stream().mapToLong(StudyReproduction::differing).sum();
        long compared = results.stream().mapToLong(StudyReproduction::publishedCount).sum();
        System.out.printf(Locale.ROOT, "reproduction: %d published numbers compared, %d differ%n",
                compared, differing);
        return differing == 0 ? 0 : EXIT_NOT_REPRODUCED;
    }

    private void writeReport(List<StudyReproduction> results, int workers) {
        Report report = ReproductionSections.report(results, studies, full, workers, !timestamps.noTimestamps,
                Instant.now());
        HtmlReport.write(report, out, Map.of(
                "reproduction.json", ReproductionTables.json(results, ScalefitVersion.current()),
                "reproduction.md", ReproductionTables.markdown(results)));
        System.out.printf(Locale.ROOT, "report written to %s (%s, %s)%n", out,
                Counts.of(report.sections().size(), "section"), Counts.of(report.figures().size(), "figure"));
    }
}
