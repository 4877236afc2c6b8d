package org.scalefit.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scalefit.overtraining.ModelRun;
import org.scalefit.overtraining.RunSplit;

class GadreTestbedTest {

    private static final String SMALL = "rpj-d=96_l=8_h=4-1.0";
    private static final String SEVEN_B = "rpj-open_lm_7b-1.0";

    private static GadreTestbed bundled;

    @BeforeAll
    static void readBundled() {
        bundled = GadreTestbed.read("gadre", "c4_val");
    }

    @Test
    void bundledTestbedHas104RunsOnThreeDatasets() {
        assertThat(bundled.runs()).hasSize(104);
        assertThat(bundled.datasets()).containsExactly("c4_original", "rpj", "rw_original");
        assertThat(bundled.runs("c4_original")).hasSize(34);
        assertThat(bundled.runs("rpj")).hasSize(35);
        assertThat(bundled.runs("rw_original")).hasSize(35);
        assertThat(bundled.contentHash()).hasSize(64);
        assertThat(bundled.source()).isEqualTo("gadre");
        assertThatThrownBy(() -> bundled.runs("pile")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[c4_original, rpj, rw_original]");
    }

    @Test
    void runsCarryNTokensMAndTheModelNameAsTheCodeParsesThem() {
        ModelRun run = run(bundled, SMALL);
        assertThat(run.dataset()).isEqualTo("rpj");
        assertThat(run.model()).isEqualTo("d=96_l=8_h=4");
        assertThat(run.params()).isEqualTo(10569312);
        assertThat(run.tokens()).isEqualTo(211386240);
        assertThat(run.tokensPerParam()).isEqualTo(20);
        assertThat(run.compute()).isEqualTo(13405242738401280.0);
        assertThat(run(bundled, SEVEN_B).model()).isEqualTo("open_lm_7b");
        for (ModelRun any : bundled.runs()) {
            assertThat(any.tokens()).as(any.name()).isEqualTo(any.tokensPerParam() * any.params());
        }
    }

    @Test
    void anIntegerChinchillaMultiplierIsReadAsANumber() {
        assertThat(run(bundled, "c4_original-open_lm_1b-4.0").tokensPerParam()).isEqualTo(80);
    }

    @Test
    void errorsAreOneMinusAccuracyAndTheirUnweightedMeans() throws IOException {
        ModelRun run = run(bundled, SEVEN_B);
        assertThat(run.errors()).hasSize(2 + 46);
        assertThat(run.errors().keySet()).startsWith("avg", "avg_subset", "agi_eval_lsat_ar");
        double sum = 0;
        double subset = 0;
        for (String task : GadreTestbed.TASKS) {
            sum += run.error(task);
            subset += GadreTestbed.SUBSET.contains(task) ? run.error(task) : 0;
        }
        assertThat(run.error("avg")).isEqualTo(sum / 46);
        assertThat(run.error("avg_subset")).isCloseTo(subset / 17, org.assertj.core.api.Assertions.within(1e-15));
        String eval = resource("evals/evaluation_" + SEVEN_B + "_heavy.json");
        assertThat(eval).contains("rw_small_centered");
        assertThat(GadreTestbed.SUBSET).hasSize(17).allMatch(GadreTestbed.TASKS::contains);
        assertThat(GadreTestbed.TASKS).hasSize(46).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @CsvSource({
        "training/eval_data/c4_val/shard-{0000000..0000010}.tar, c4_val",
        "training/eval_data/val_tok_mult/openlm/shard_00000000.tar, openlm",
        "training/eval_data/val_tok_mult/paloma_ptb/00000001.tar, paloma_ptb",
        "training/eval_data/val_tok_mult/de-en/val_de-en_100.tar, val_de-en_100",
    })
    void evaluationSetIsTheParentFolderOrTheStemForDeEn(String path, String set) {
        assertThat(GadreTestbed.evaluationSet(path)).isEqualTo(set);
    }

    @Test
    void anotherEvaluationSetCanBeRead() {
        GadreTestbed ptb = GadreTestbed.read("gadre", "paloma_ptb");
        assertThat(run(ptb, SMALL).loss()).isNotEqualTo(run(bundled, SMALL).loss());
        assertThat(GadreTestbed.read("gadre", "val_de-en_100").runs()).hasSize(104);
    }

    @Test
    void defaultSplitIsFiveLossRunsSixDownstreamRunsAndTheLargerModelsAsTargets() {
        for (String dataset : bundled.datasets()) {
            RunSplit split = bundled.defaultSplit(dataset);
            assertThat(split.lossFit()).extracting(ModelRun::tokensPerParam).containsExactly(20.0, 20.0, 20.0, 20.0,
                    320.0);
            assertThat(split.lossFit()).extracting(ModelRun::model).containsExactly("d=96_l=8_h=4", "d=512_l=8_h=4",
                    "d=576_l=24_h=8", "d=1024_l=24_h=8", "d=96_l=8_h=4");
            assertThat(split.downstreamFit()).hasSize(6).startsWith(split.lossFit().toArray(ModelRun[]::new));
            assertThat(split.downstreamFit().get(5).name()).isEqualTo(dataset + "-open_lm_1b-1.0");
            assertThat(split.targets()).hasSize(3).allMatch(run -> run.params() > 1e9)
                    .allMatch(run -> run.dataset().equals(dataset));
        }
        assertThat(bundled.defaultSplit("rpj").targets()).extracting(ModelRun::name)
                .containsExactly("rpj-open_lm_1b-1.0", "rpj-open_lm_7b-1.0", "rpj-open_lm_1b-32.0");
    }

    // ------------------------------------------------------------ a directory laid out like exp_data, and bad files

    @Test
    void readsADirectoryLaidOutLikeExpData(@TempDir Path dir) throws IOException {
        copy(dir, SMALL, UnaryOperator.identity(), UnaryOperator.identity());
        copy(dir, SEVEN_B, UnaryOperator.identity(), UnaryOperator.identity());
        GadreTestbed testbed = GadreTestbed.read(dir.toString(), "c4_val");
        assertThat(testbed.runs()).extracting(ModelRun::name).containsExactly(SMALL, SEVEN_B);
        assertThat(run(testbed, SEVEN_B)).isEqualTo(run(bundled, SEVEN_B));
    }

    @Test
    void aNonNumericParameterCountNamesTheFileAndField(@TempDir Path dir) throws IOException {
        copy(dir, SMALL, json -> json.replace("\"params\": 10569312", "\"params\": \"ten million\""),
                UnaryOperator.identity());
        assertThatThrownBy(() -> GadreTestbed.read(dir.toString(), "c4_val")).isInstanceOf(InputException.class)
                .hasMessageContaining(SMALL + ".json: field 'hyperparameters.params': expected a positive finite "
                        + "number, found \"ten million\"");
    }

    @Test
    void aMissingChinchillaMultiplierNamesTheField(@TempDir Path dir) throws IOException {
        copy(dir, SMALL, json -> json.replace("\"chinchilla_multiplier\"", "\"multiplier\""), UnaryOperator.identity());
        assertThatThrownBy(() -> GadreTestbed.read(dir.toString(), "c4_val")).isInstanceOf(InputException.class)
                .hasMessageContaining("field 'hyperparameters.chinchilla_multiplier'")
                .hasMessageContaining("the field is missing");
    }

    /** M is read from the multiplier, so a token count that names another budget would be predicted at the wrong M. */
    @Test
    void aTokenCountThatDisagreesWithTheChinchillaMultiplierNamesBothFields(@TempDir Path dir) throws IOException {
        copy(dir, SMALL, json -> json.replace("\"tokens\": 211386240", "\"tokens\": 2113862400"),
                UnaryOperator.identity());
        assertThatThrownBy(() -> GadreTestbed.read(dir.toString(), "c4_val")).isInstanceOf(InputException.class)
                .hasMessageContaining(SMALL + ".json: field 'hyperparameters.tokens'")
                .hasMessageContaining("20 · chinchilla_multiplier · params = 2.11386e+08")
                .hasMessageContaining("found 2113862400");
    }

    @Test
    void aTokenCountRoundedToWholeStepsIsReadWithTheMultipliersM(@TempDir Path dir) throws IOException {
        copy(dir, SMALL, json -> json.replace("\"tokens\": 211386240", "\"tokens\": 211812352"),
                UnaryOperator.identity());
        ModelRun small = run(GadreTestbed.read(dir.toString(), "c4_val"), SMALL);
        assertThat(small.tokensPerParam()).isEqualTo(20);
    }

    @Test
    void aMissingEvaluationSetNamesTheResults(@TempDir Path dir) throws IOException {
        copy(dir, SMALL, UnaryOperator.identity(), UnaryOperator.identity());
        assertThatThrownBy(() -> GadreTestbed.read(dir.toString(), "wikitext")).isInstanceOf(InputException.class)
                .hasMessageContaining("field 'results': expected an evaluation on 'wikitext', found evaluations on "
                        + "[openlm, c4_val");
    }

    @Test
    void anAccuracyOutsideTheUnitIntervalNamesTheTask(@TempDir Path dir) throws IOException {
        copy(dir, SMALL, UnaryOperator.identity(), json -> json.replaceFirst("\"boolq\": [0-9.eE-]+", "\"boolq\": 1.5"));
        assertThatThrownBy(() -> GadreTestbed.read(dir.toString(), "c4_val")).isInstanceOf(InputException.class)
                .hasMessageContaining("evaluation_" + SMALL + "_heavy.json: field 'eval_metrics.icl.boolq': "
                        + "expected an accuracy between 0 and 1, found 1.5");
    }

    @Test
    void aMissingTaskIsNamed(@TempDir Path dir) throws IOException {
        copy(dir, SMALL, UnaryOperator.identity(), json -> json.replace("\"winogrande\"", "\"winogrande_xl\""));
        assertThatThrownBy(() -> GadreTestbed.read(dir.toString(), "c4_val")).isInstanceOf(InputException.class)
                .hasMessageContaining("field 'eval_metrics.icl': expected accuracies on all 46 tasks, found none "
                        + "for [winogrande]");
    }

    @Test
    void aMissingEvaluationFileIsNamed(@TempDir Path dir) throws IOException {
        copy(dir, SMALL, UnaryOperator.identity(), UnaryOperator.identity());
        Files.delete(dir.resolve("evals/evaluation_" + SMALL + "_heavy.json"));
        assertThatThrownBy(() -> GadreTestbed.read(dir.toString(), "c4_val")).isInstanceOf(InputException.class)
                .hasMessageContaining("evaluation_" + SMALL + "_heavy.json: expected the evaluation file of a model, "
                        + "found no such file");
    }

    @Test
    void malformedJsonGivesTheLine(@TempDir Path dir) throws IOException {
        copy(dir, SMALL, json -> json.replace("\"dataset_name\": \"rpj\",", "\"dataset_name\": rpj,"),
                UnaryOperator.identity());
        InputException e = org.assertj.core.api.Assertions.catchThrowableOfType(InputException.class,
                () -> GadreTestbed.read(dir.toString(), "c4_val"));
        assertThat(e.getMessage()).contains(SMALL + ".json:3: expected valid JSON");
        assertThat(e.line()).hasValue(3);
    }

    @Test
    void theDefaultSplitNeedsThePapersFitRuns(@TempDir Path dir) throws IOException {
        copy(dir, SMALL, UnaryOperator.identity(), UnaryOperator.identity());
        GadreTestbed testbed = GadreTestbed.read(dir.toString(), "c4_val");
        assertThatThrownBy(() -> testbed.defaultSplit("rpj")).isInstanceOf(InputException.class)
                .hasMessageContaining("expected one rpj run of model d=512_l=8_h=4 at M = 20.0");
    }

    @Test
    void theLossLawSplitIsTheDefaultSplitWithoutTheDownstreamFit() {
        for (String dataset : bundled.datasets()) {
            RunSplit full = bundled.defaultSplit(dataset);
            RunSplit loss = bundled.lossLawSplit(dataset);
            assertThat(loss.lossFit()).isEqualTo(full.lossFit());
            assertThat(loss.downstreamFit()).isEmpty();
            assertThat(loss.targets()).isEqualTo(full.targets());
        }
    }

    @Test
    void twoRunsAtOneDefaultFitPointAreNamed(@TempDir Path dir) throws IOException {
        copy(dir, SMALL, UnaryOperator.identity(), UnaryOperator.identity());
        String seed = "rpj-d=96_l=8_h=4-1.0-seed2";
        Files.writeString(dir.resolve("models/" + seed + ".json"), resource("models/" + SMALL + ".json")
                .replace("\"name\": \"" + SMALL + "\"", "\"name\": \"" + seed + "\""));
        Files.writeString(dir.resolve("evals/evaluation_" + seed + "_heavy.json"),
                resource("evals/evaluation_" + SMALL + "_heavy.json"));
        GadreTestbed testbed = GadreTestbed.read(dir.toString(), "c4_val");
        assertThatThrownBy(() -> testbed.defaultSplit("rpj")).isInstanceOf(InputException.class)
                .hasMessageContaining("found 2 such runs: " + SMALL + ", " + seed);
    }

    @Test
    void somethingThatIsNeitherBundledNorADirectoryIsBadUsage() {
        assertThatThrownBy(() -> GadreTestbed.read("gadre:rpj", "c4_val"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("neither gadre");
    }

    private static ModelRun run(GadreTestbed testbed, String name) {
        List<ModelRun> matches = testbed.runs().stream().filter(run -> run.name().equals(name)).toList();
        assertThat(matches).as(name).hasSize(1);
        return matches.get(0);
    }

    private static void copy(Path dir, String stem, UnaryOperator<String> model, UnaryOperator<String> eval)
            throws IOException {
        Files.createDirectories(dir.resolve("models"));
        Files.createDirectories(dir.resolve("evals"));
        Files.writeString(dir.resolve("models/" + stem + ".json"), model.apply(resource("models/" + stem + ".json")));
        String evalName = "evals/evaluation_" + stem + "_heavy.json";
        Files.writeString(dir.resolve(evalName), eval.apply(resource(evalName)));
    }

    private static String resource(String relative) throws IOException {
        try (InputStream in = GadreTestbed.class.getResourceAsStream("datasets/gadre/" + relative)) {
            assertThat(in).as(relative).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
