package org.scalefit.law.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class LawExpressionTest {

    private static final List<String> ND = List.of("N", "D");
    private static final List<String> CHINCHILLA = List.of("E", "A", "B", "alpha", "beta");

    private static LawExpression chinchilla(String text) {
        return LawExpression.parse(text, ND, CHINCHILLA);
    }

    private static ExpressionException failure(String text, List<String> inputs, List<String> parameters) {
        try {
            LawExpression.parse(text, inputs, parameters);
        } catch (ExpressionException e) {
            return e;
        }
        throw new AssertionError("expected '" + text + "' to be rejected");
    }

    @Test
    void evaluatesChinchillasLawAsWritten() {
        LawExpression law = chinchilla("E + A/N^alpha + B/D^beta");
        double[] theta = {1.69, 406.4, 410.7, 0.34, 0.28};
        double expected = 1.69 + 406.4 / Math.pow(7e10, 0.34) + 410.7 / Math.pow(1.4e12, 0.28);
        assertThat(law.evaluate(new double[] {7e10, 1.4e12}, theta)).isCloseTo(expected, within(1e-14));
    }

    @Test
    void followsTheUsualPrecedenceAndAssociativity() {
        assertThat(value("-2^2 + x")).isEqualTo(-4 + 1);
        assertThat(value("2^3^2 * x")).isEqualTo(512);
        assertThat(value("2**3 * x")).isEqualTo(8);
        assertThat(value("10 - 4 - 3 + x")).isEqualTo(4);
        assertThat(value("12 / 3 / 2 * x")).isEqualTo(2);
        assertThat(value("2 * (3 + 4) · x")).isEqualTo(14);
        assertThat(value("2^-1 * x")).isEqualTo(0.5);
        assertThat(value("1.5e2 * x + .5")).isEqualTo(150.5);
        assertThat(value("min(3, 2) + max(3, 2) + abs(-1) + sqrt(4) + pow(2, 3) + ln(exp(x))")).isEqualTo(17);
    }

    private static double value(String text) {
        return LawExpression.parse(text + " + 0*u", List.of("u"), List.of("x"))
                .evaluate(new double[] {1}, new double[] {1});
    }

    /**
     * expm1(x) = e^x − 1 to rounding for small x, where exp(x) − 1 is all rounding: at x = 1e-20, e^x rounds to 1
     * and exp(x) − 1 gives 0; expm1 gives 1e-20, and its derivative e^x.
     */
    @Test
    void expm1IsAccurateWhereExpMinusOneRoundsAway() {
        LawExpression law = LawExpression.parse("expm1(x*u)", List.of("u"), List.of("x"));
        double[] gradient = new double[1];

        double value = law.evaluate(new double[] {1e-10}, new double[] {1e-10}, gradient);

        assertThat(value).isCloseTo(1e-20, within(1e-35));
        assertThat(gradient[0]).isCloseTo(1e-10, within(1e-25));
        assertThat(value("expm1(x) - exp(x) + 1")).isCloseTo(0, within(1e-15));
    }

    @Test
    void definitionsNameSharedSubExpressions() {
        LawExpression law = LawExpression.parse("Dp = U*(1 + r); E + B/Dp^beta", List.of("U"),
                List.of("E", "B", "beta", "r"));
        assertThat(law.definitions()).containsExactly("Dp");
        assertThat(law.evaluate(new double[] {100}, new double[] {1, 4, 0.5, 3})).isCloseTo(1.2, within(1e-15));
    }

    @Test
    void identicalSubExpressionsShareOneSlot() {
        LawExpression law = LawExpression.parse("exp(a - alpha*log(N)) + exp(b - alpha*log(N))", List.of("N"),
                List.of("a", "b", "alpha"));
        // slots: a, alpha, N, log N, alpha·log N, a − …, exp, b, b − …, exp, + : log N and alpha·log N once
        assertThat(law.tape().size()).isEqualTo(11);
    }

    @Test
    void gradientIsExact() {
        LawExpression law = LawExpression.parse(
                "s = sqrt(N*D); (N_c/N)^(aN/aD) * min(s, 3e5) + max(D_c/D, 0.01) / abs(aN - 2) - log(s)^2 / aD",
                ND, List.of("N_c", "D_c", "aN", "aD"));
        double[] x = {2e9, 7e9};
        double[] theta = {8e13, 5e13, 0.076, 0.095};
        double[] gradient = new double[4];
        law.evaluate(x, theta, gradient);
        for (int p = 0; p < 4; p++) {
            double h = 1e-6 * Math.abs(theta[p]);
            double[] up = theta.clone();
            double[] down = theta.clone();
            up[p] += h;
            down[p] -= h;
            double numeric = (law.evaluate(x, up) - law.evaluate(x, down)) / (2 * h);
            assertThat(gradient[p]).as("∂/∂θ_%d", p).isCloseTo(numeric, within(1e-6 * Math.abs(numeric) + 1e-12));
        }
    }

    @Test
    void unknownSymbolIsReportedAtItsColumn() {
        ExpressionException e = failure("E + A/N^alpha + B/X^beta", ND, CHINCHILLA);
        assertThat(e.offset()).isEqualTo(18);
        assertThat(e.getMessage()).startsWith("unknown symbol 'X'").contains("column 19")
                .contains("\n  E + A/N^alpha + B/X^beta\n                    ^");
    }

    @Test
    void unbalancedParenthesesAreReportedWhereTheyOpenOrClose() {
        ExpressionException open = failure("E + (A/N^alpha + B/D^beta", ND, CHINCHILLA);
        assertThat(open.offset()).isEqualTo(4);
        assertThat(open.getMessage()).contains("unbalanced parentheses").contains("never closed");
        ExpressionException close = failure("E + A/N^alpha) + B/D^beta", ND, CHINCHILLA);
        assertThat(close.offset()).isEqualTo(13);
        assertThat(close.getMessage()).contains("unbalanced parentheses").contains("')' without a matching '('");
        ExpressionException call = failure("E + exp(A - alpha*log(N) + B/D^beta", ND, CHINCHILLA);
        assertThat(call.offset()).isEqualTo(7);
    }

    @Test
    void aParameterOrInputNeverUsedIsRejected() {
        ExpressionException parameter = failure("E + A/N^alpha + B/D^alpha", ND, CHINCHILLA);
        assertThat(parameter.getMessage()).contains("parameter 'beta' is declared but never used");
        ExpressionException input = failure("E + A/N^alpha", ND, List.of("E", "A", "alpha"));
        assertThat(input.getMessage()).contains("input 'D' is declared but never used");
    }

    @Test
    void otherMistakesAreReportedWithTheirColumn() {
        assertThat(failure("E + A/N^alpha + B/D^beta +", ND, CHINCHILLA).getMessage())
                .contains("unexpected end of the law expression");
        assertThat(failure("E + A/N^alpha + B/D^beta)", ND, CHINCHILLA).offset()).isEqualTo(24);
        assertThat(failure("E + A/N^alpha + B/D^beta 2", ND, CHINCHILLA).getMessage()).startsWith("unexpected '2'");
        assertThat(failure("E + foo(A)/N^alpha + B/D^beta", ND, CHINCHILLA).getMessage())
                .startsWith("unknown function 'foo'");
        assertThat(failure("E + exp(A, B)/N^alpha + B/D^beta", ND, CHINCHILLA).getMessage())
                .startsWith("'exp' takes 1 argument, got 2");
        assertThat(failure("E + 2A/N^alpha + B/D^beta", ND, CHINCHILLA).offset()).isEqualTo(5);
        assertThat(failure("   ", ND, CHINCHILLA).getMessage()).startsWith("empty law expression");
        assertThat(failure("x = N; E + A/N^alpha + B/D^beta", ND, CHINCHILLA).getMessage())
                .startsWith("'x' is defined but never used");
        assertThat(failure("E + A/N^alpha + B/D^beta $", ND, CHINCHILLA).getMessage()).startsWith("unexpected '$'");
    }

    @Test
    void aDefinitionWrittenAfterTheLawsExpressionSaysThatDefinitionsComeFirst() {
        ExpressionException late = failure("E + A/N^alpha + B/D^beta; x = N", ND, CHINCHILLA);
        assertThat(late.offset()).isEqualTo(26);
        assertThat(late.getMessage()).startsWith("definition of 'x' after the law's expression: definitions "
                + "(NAME = …;) come first and the law's expression last");
    }

    @Test
    void declarationsMustBeDistinctNames() {
        assertThatThrownBy(() -> LawExpression.parse("N", List.of("N"), List.of("N")))
                .hasMessageContaining("declared twice");
        assertThatThrownBy(() -> LawExpression.parse("exp", List.of("N"), List.of("exp")))
                .hasMessageContaining("is a function");
    }

    @Test
    void freeNamesAreTheSymbolsToDeclare() {
        assertThat(LawExpression.freeNames("x = log(N); E + A*exp(-alpha*x) + B/D^beta"))
                .containsExactly("N", "E", "A", "alpha", "B", "D", "beta");
    }
}
