package org.scalefit.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefit.law.FittedLaw;
import org.scalefit.law.LawForm;

class LawFilesTest {

    @TempDir
    Path folder;

    private Path file(String name, String json) throws IOException {
        Path path = folder.resolve(name);
        Files.writeString(path, json);
        return path;
    }

    @Test
    void gemstonesFilesNameTheirLawByTheNumberOfExponents() throws IOException {
        // the shape of Gemstones' parameters_delta-3/approach_3_*_hot_100b+.json files
        FittedLaw two = LawFiles.read(file("p.json", "{\"success\":{\"0\":true},\"loss\":{\"0\":0.0065925344},"
                + "\"exponents\":{\"0\":[0.2591125694,0.5972679073]},\"coefficients\":{\"0\":[4.9008415415,"
                + "12.850969215]},\"irreducible_error\":{\"0\":0.6681624725}}"));
        assertThat(two.form()).isEqualTo(LawForm.CHINCHILLA);
        assertThat(two.theta()).containsExactly(0.2591125694, 0.5972679073, 4.9008415415, 12.850969215, 0.6681624725);
        FittedLaw three = LawFiles.read(file("wd.json", "{\"exponents\":{\"0\":[0.26,0.14,0.53]},"
                + "\"coefficients\":{\"0\":[2.1,0.73,11.3]},\"irreducible_error\":{\"0\":-4555.3789970242}}"));
        assertThat(three.form()).isEqualTo(LawForm.WIDTH_DEPTH);
        assertThat(three.logIrreducibleError()).isEqualTo(-4555.3789970242);
        FittedLaw four = LawFiles.read(file("wdp.json", "{\"exponents\":{\"0\":[0.2,0.4,0.3,0.5]},"
                + "\"coefficients\":{\"0\":[1,-0.2,6,10]},\"irreducible_error\":{\"0\":0.4}}"));
        assertThat(four.form()).isEqualTo(LawForm.WIDTH_DEPTH_PARAMS);
        assertThat(four.logCoefficient(1)).isEqualTo(-0.2);
    }

    @Test
    void scalefitFilesNameTheirLaw() throws IOException {
        FittedLaw law = LawFiles.read(file("fit.json", "{\"law\":\"width-depth\",\"success\":true,\"loss\":0.1,"
                + "\"exponents\":[0.3,0.2,0.5],\"coefficients\":[2,1,11],\"irreducible_error\":0.5}"));
        assertThat(law.form()).isEqualTo(LawForm.WIDTH_DEPTH);
        assertThat(law.theta()).containsExactly(0.3, 0.2, 0.5, 2, 1, 11, 0.5);
    }

    @Test
    void badFilesNameTheFileAndTheField() throws IOException {
        assertThatThrownBy(() -> LawFiles.read(folder.resolve("missing.json"))).isInstanceOf(InputException.class)
                .hasMessageContaining("missing.json").hasMessageContaining("no such");
        Path broken = file("broken.json", "{\"exponents\":");
        assertThatThrownBy(() -> LawFiles.read(broken)).isInstanceOf(InputException.class)
                .hasMessageContaining("broken.json");
        Path failed = file("failed.json", "{\"law\":\"chinchilla\",\"success\":false}");
        assertThatThrownBy(() -> LawFiles.read(failed)).isInstanceOf(InputException.class)
                .hasMessageContaining("a successful fit");
        Path lengths = file("lengths.json", "{\"exponents\":[0.3,0.2],\"coefficients\":[2],\"irreducible_error\":1}");
        assertThatThrownBy(() -> LawFiles.read(lengths)).isInstanceOf(InputException.class)
                .hasMessageContaining("field 'coefficients'");
        Path five = file("five.json", "{\"exponents\":[1,1,1,1,1],\"coefficients\":[1,1,1,1,1],"
                + "\"irreducible_error\":1}");
        assertThatThrownBy(() -> LawFiles.read(five)).isInstanceOf(InputException.class)
                .hasMessageContaining("2, 3 or 4 exponents");
        Path mismatch = file("mismatch.json", "{\"law\":\"chinchilla\",\"exponents\":[1,1,1],"
                + "\"coefficients\":[1,1,1],\"irreducible_error\":1}");
        assertThatThrownBy(() -> LawFiles.read(mismatch)).isInstanceOf(InputException.class)
                .hasMessageContaining("2 exponents for law chinchilla");
        Path text = file("text.json", "{\"exponents\":[1,\"a\"],\"coefficients\":[1,1],\"irreducible_error\":1}");
        assertThatThrownBy(() -> LawFiles.read(text)).isInstanceOf(InputException.class)
                .hasMessageContaining("finite numbers");
    }

    @Test
    void allocationRulesReadThroughLawFilesAndWantAParamsTokensLaw() throws IOException {
        Path params = file("p.json", "{\"exponents\":{\"0\":[0.34,0.37]},\"coefficients\":{\"0\":[6.2,7.7]},"
                + "\"irreducible_error\":{\"0\":0.5}}");
        assertThat(AllocationRules.fromFitFile(params).alpha()).isEqualTo(0.34);
        Path widthDepth = file("wd.json", "{\"exponents\":[0.3,0.2,0.5],\"coefficients\":[2,1,11],"
                + "\"irreducible_error\":0.5}");
        assertThatThrownBy(() -> AllocationRules.fromFitFile(widthDepth)).isInstanceOf(InputException.class)
                .hasMessageContaining("a params/tokens (chinchilla) law").hasMessageContaining("width-depth");
    }

    @Test
    void anAllocationFromAFitWhoseCoefficientOverflowsSaysWhichAndWhy() throws IOException {
        Path degenerate = file("d.json", "{\"law\":\"chinchilla\",\"exponents\":[0.177,66.2],"
                + "\"coefficients\":[5.9,1333.1],\"irreducible_error\":0.47}");

        assertThatThrownBy(() -> AllocationRules.fromFitFile(degenerate)).isInstanceOf(InputException.class)
                .hasMessageContaining("'coefficients'")
                .hasMessageContaining("B = e^1333.1 is too large to compute with")
                .hasMessageContaining("β = 66.2");
    }

    @Test
    void allocationRulesSayWhichBudgetsLieFarBeyondTheLargestRunTheFitRecords() throws IOException {
        String law = "\"law\":\"chinchilla\",\"exponents\":[0.34,0.28],\"coefficients\":[6.0,6.0],"
                + "\"irreducible_error\":0.5";
        Path ranged = file("r.json", "{" + law + ",\"data_range\":{\"inputs\":[\"params\",\"tokens\"],"
                + "\"low\":[1e7,1e8],\"high\":[1e9,2e10],\"largest_compute\":1e20}}");
        assertThat(AllocationRules.extrapolations(ranged.toString(),
                AllocationRules.named(ranged.toString()).at(1e20, 1e30))).containsExactly(
                "extrapolation: C = 1.00e+30 is 10.0 orders of magnitude beyond the largest run's 6·N·D = 1.00e+20; "
                        + "the law is untested there");
        Path unranged = file("u.json", "{" + law + "}");
        assertThat(AllocationRules.extrapolations(unranged.toString(),
                AllocationRules.named(unranged.toString()).at(new double[] {1e30}))).isEmpty();
        assertThat(AllocationRules.extrapolations("chinchilla",
                AllocationRules.named("chinchilla").at(new double[] {1e40}))).isEmpty();
    }

    @Test
    void aReferenceLawOrAFitWithoutDataRangeSaysItsExtrapolationCannotBeChecked() throws IOException {
        String law = "\"law\":\"chinchilla\",\"exponents\":[0.34,0.28],\"coefficients\":[6.0,6.0],"
                + "\"irreducible_error\":0.5";
        Path unranged = file("u.json", "{" + law + "}");
        Path ranged = file("r.json", "{" + law + ",\"data_range\":{\"inputs\":[\"params\",\"tokens\"],"
                + "\"low\":[1e7,1e8],\"high\":[1e9,2e10],\"largest_compute\":1e20}}");

        assertThat(AllocationRules.uncheckedExtrapolation("chinchilla")).hasValueSatisfying(note -> assertThat(note)
                .startsWith("the range of the runs chinchilla was fitted on is unknown (")
                .endsWith("), so extrapolation cannot be checked"));
        assertThat(AllocationRules.uncheckedExtrapolation(unranged.toString())).hasValueSatisfying(note ->
                assertThat(note).startsWith("the range of the runs " + unranged + " was fitted on is unknown (")
                        .contains("data_range").endsWith("), so extrapolation cannot be checked"));
        assertThat(AllocationRules.uncheckedExtrapolation(ranged.toString())).isEmpty();
    }

    @Test
    void aDamagedDataRangeIsRefusedNamingTheFileAndTheField() throws IOException {
        String law = "\"law\":\"chinchilla\",\"exponents\":[0.34,0.28],\"coefficients\":[6.0,6.0],"
                + "\"irreducible_error\":0.5";
        for (String range : new String[] {"{\"inputs\":[\"params\",\"tokens\"],\"low\":[1e7,1e8]}",
                "{\"inputs\":[\"params\",\"tokens\"],\"low\":[1e7],\"high\":[1e9,2e10]}",
                "{\"inputs\":[\"params\",\"tokens\"],\"low\":[1e7,1e8],\"high\":[1e9,-2e10]}",
                "{\"inputs\":[\"params\",\"tokens\"],\"low\":[1e7,1e8],\"high\":[1e9,2e10],"
                        + "\"largest_compute\":0}"}) {
            Path damaged = file("d.json", "{" + law + ",\"data_range\":" + range + "}");
            assertThatThrownBy(() -> LawFiles.inputRange(damaged)).as(range).isInstanceOf(InputException.class)
                    .hasMessageContaining(damaged.toString()).hasMessageContaining("data_range");
        }
    }

    @Test
    void anOverTrainingAnalysisIsRefusedWithTheNamedLawAndValuesThatPredictFromIt() throws IOException {
        // the shape scalefit overtrain/downstream --out writes (OvertrainingDocument)
        Path analysis = file("ot.json", "{\"analysis\":\"gadre-downstream\",\"dataset\":\"mine\","
                + "\"loss_law\":{\"form\":\"L(N, M) = E + alpha*N^b + beta*6^(b/2)*(M*N)^b\",\"alpha\":146.5,"
                + "\"beta\":311.0,\"b\":-0.2636,\"E\":1.756,\"fit\":{\"status\":\"converged\"}}}");
        assertThatThrownBy(() -> LawFiles.read(analysis)).isInstanceOf(InputException.class)
                .hasMessageContaining("ot.json").hasMessageContaining("gadre-downstream")
                .hasMessageContaining("--law gadre-overtraining --set alpha=146.5,beta=311.0,b=-0.2636,E=1.756");
    }

    /** An expression-fit document of {@code expression} in N and D as {@code scalefit fit --law TEXT --out} writes it. */
    private Path expressionFit(String name, String expression, String inputs, String parameters, String warnings)
            throws IOException {
        return file(name, "{\"kind\":\"expression-fit\",\"law\":\"user\",\"expression\":\"" + expression
                + "\",\"status\":\"converged\",\"success\":true,\"parameters\":" + parameters
                + ",\"warnings\":" + warnings + ",\"law_file\":{\"name\":\"user\",\"expression\":\""
                + expression + "\",\"inputs\":" + inputs + ",\"residual\":\"log\",\"objective\":\"huber\","
                + "\"delta\":0.001}}");
    }

    @Test
    void aFitOfALawWrittenAsTextSaysWhichBudgetsLieFarBeyondItsLargestRun() throws IOException {
        Path fit = file("text-range.json", Files.readString(expressionFit("text.json", "E + A/N^alpha + B/D^beta",
                "{\"N\":\"params\",\"D\":\"tokens\"}",
                "{\"E\":1.6,\"A\":130.375,\"alpha\":0.2495,\"B\":148.785,\"beta\":0.2353}", "[]"))
                .replaceFirst("\\}$", ",\"data_range\":{\"inputs\":[\"params\",\"tokens\"],\"low\":[1e7,1e8],"
                        + "\"high\":[1e9,2e10],\"largest_compute\":1e20}}"));
        assertThat(AllocationRules.extrapolations(fit.toString(),
                AllocationRules.named(fit.toString()).at(1e22, 1e20))).containsExactly(
                "extrapolation: C = 1.00e+22 is 2.0 orders of magnitude beyond the largest run's 6·N·D = 1.00e+20; "
                        + "the law is untested there");
    }

    @Test
    void aFitOfALawWrittenAsTextAllocatesAsItsLawDoes() throws IOException {
        Path fit = expressionFit("text.json", "E + A/N^alpha + B/D^beta", "{\"N\":\"params\",\"D\":\"tokens\"}",
                "{\"E\":1.6,\"A\":130.375,\"alpha\":0.2495,\"B\":148.785,\"beta\":0.2353}",
                "[\"competing basin: …\"]");
        // Hoffmann et al. eq. 4: N_opt = G·(C/6)^(β/(α+β)), G = (αA/(βB))^(1/(α+β))
        double alpha = 0.2495;
        double beta = 0.2353;
        double g = Math.pow(alpha * 130.375 / (beta * 148.785), 1 / (alpha + beta));
        double expected = g * Math.pow(1e23 / 6, beta / (alpha + beta));
        assertThat(AllocationRules.named(fit.toString()).at(1e23).params())
                .isCloseTo(expected, within(1e-6 * expected));
        assertThat(AllocationRules.warnings(fit.toString())).containsExactly("competing basin: …");
    }

    @Test
    void aFitOfALawWrittenAsTextIsNamedAsSuchWhereABuiltInLawIsRead() throws IOException {
        Path fit = expressionFit("text.json", "E + A/N^alpha + B/D^beta", "{\"N\":\"params\",\"D\":\"tokens\"}",
                "{\"E\":1.6,\"A\":130.375,\"alpha\":0.2495,\"B\":148.785,\"beta\":0.2353}", "[]");
        assertThatThrownBy(() -> LawFiles.read(fit)).isInstanceOf(InputException.class)
                .hasMessageContaining("field 'kind'").hasMessageContaining("law written as text")
                .hasMessageContaining("E + A/N^alpha + B/D^beta");
    }

    @Test
    void aFitOfALawWrittenAsTextWithoutParamsAndTokensIsRefusedWithItsColumns() throws IOException {
        // unique tokens U are not the D of C = 6·N·D (a law of M = D/N is split: ExpressionAllocationTest)
        Path fit = expressionFit("unique.json", "E + a*N^b + c*U^b", "{\"N\":\"params\",\"U\":"
                + "\"unique_tokens\"}", "{\"E\":1,\"a\":1000,\"b\":-0.3,\"c\":1000}", "[]");
        assertThatThrownBy(() -> AllocationRules.named(fit.toString()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unique_tokens");
    }

    @Test
    void aLawKeepsItsDeclaredInputsInTheirOrderAndTakesOthersInOrderOfFirstUse() {
        java.util.Map<String, String> declared = new java.util.LinkedHashMap<>();
        declared.put("N", "params");
        declared.put("D", "tokens");
        String text = "E + B/D^beta + A/N^alpha + U^0";
        assertThat(ExpressionLawFiles.infer("x", text, declared, java.util.List.of()).expression().inputs())
                .containsExactly("N", "D", "U");
        assertThat(ExpressionLawFiles.infer("x", text, java.util.Map.of(), java.util.List.of()).expression().inputs())
                .containsExactly("D", "N", "U");
    }

    @Test
    void theDigestIsTheFilesSha256() throws IOException {
        Path empty = file("empty.json", "");
        assertThat(LawFiles.sha256(empty))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }
}
