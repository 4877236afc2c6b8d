package org.scalefit.report.sections;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.scalefit.data.RunTable;
import org.scalefit.report.Block;
import org.scalefit.report.Numbers;
import org.scalefit.report.Section;
import org.scalefit.report.charts.Runs;

/** The report section describing the runs read: where from, how many, and one table row per run. */
public final class DataSection {

    private DataSection() {
    }

    /**
     * The data section: source, SHA-256, rows and runs, then per run its rows, parameters, largest token count and
     * lowest loss.
     *
     * @param params the parameters of each row
     * @param tokens the tokens of each row
     * @param loss   the loss of each row
     */
    public static Section of(RunTable table, Runs runs, double[] params, double[] tokens, double[] loss) {
        return of(table, runs, params, tokens, loss, "distinct model shapes");
    }

    /**
     * The data section as {@link #of(RunTable, Runs, double[], double[], double[])}, saying what the runs are
     * (e.g. "distinct names in the file's run column", "distinct parameter counts").
     */
    public static Section of(RunTable table, Runs runs, double[] params, double[] tokens, double[] loss,
                             String runsAre) {
        Map<String, int[]> groups = runs.groups();
        Section section = Section.of("data", "Data").withFacts(List.of(
                new Block.Fact("source", table.source(), ""),
                new Block.Fact("SHA-256", table.contentHash(), "of the bytes read"),
                new Block.Fact("rows", Integer.toString(table.rows()), "training checkpoints"),
                new Block.Fact("runs", Integer.toString(groups.size()), runsAre)));
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, int[]> run : groups.entrySet()) {
            double maxTokens = 0;
            double minLoss = Double.POSITIVE_INFINITY;
            double runParams = Double.NaN;
            for (int row : run.getValue()) {
                maxTokens = Math.max(maxTokens, tokens[row]);
                minLoss = Math.min(minLoss, loss[row]);
                runParams = params[row];
            }
            rows.add(List.of(run.getKey(), Integer.toString(run.getValue().length), Numbers.format(runParams, 4),
                    Numbers.format(maxTokens, 4), Numbers.format(minLoss, 5)));
        }
        return section.withTable("Runs", List.of("run", "rows", "parameters", "largest tokens", "lowest loss"), rows);
    }
}
