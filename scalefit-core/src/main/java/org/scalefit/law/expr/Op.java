package org.scalefit.law.expr;

/**
 * The operations of the law language, with their exact partial derivatives (used by reverse-mode differentiation
 * in {@link Tape} and {@link ExpressionObjective}); v is the operation's value, a and b its operands.
 */
enum Op {
    /** A number. */
    CONST(0),
    /** An input (data column). */
    INPUT(0),
    /** A parameter. */
    PARAM(0),
    /** −a; ∂/∂a = −1. */
    NEG(1),
    /** a + b. */
    ADD(2),
    /** a − b. */
    SUB(2),
    /** a·b; ∂/∂a = b, ∂/∂b = a. */
    MUL(2),
    /** a/b; ∂/∂a = 1/b, ∂/∂b = −v/b. */
    DIV(2),
    /** a^b; ∂/∂a = b·a^(b−1), ∂/∂b = v·log a (a &gt; 0; 0 where v = 0). */
    POW(2),
    /** e^a; ∂/∂a = v. */
    EXP(1),
    /** e^a − 1, accurate to rounding for small |a| (where e^a − 1 is all rounding); ∂/∂a = e^a = v + 1. */
    EXPM1(1),
    /** log a (natural); ∂/∂a = 1/a. */
    LOG(1),
    /** √a; ∂/∂a = 1/(2v). */
    SQRT(1),
    /** |a|; ∂/∂a = sign a. */
    ABS(1),
    /** min(a, b); the derivative of the operand selected (a on ties). */
    MIN(2),
    /** max(a, b); the derivative of the operand selected (a on ties). */
    MAX(2);

    private final int arity;

    Op(int arity) {
        this.arity = arity;
    }

    /** Number of operands. */
    int arity() {
        return arity;
    }

    /** The function of this name in the law language ({@code exp, expm1, log, ln, sqrt, abs, min, max,
     * pow}), or null. */
    static Op function(String name) {
        return switch (name) {
            case "exp" -> EXP;
            case "expm1" -> EXPM1;
            case "log", "ln" -> LOG;
            case "sqrt" -> SQRT;
            case "abs" -> ABS;
            case "min" -> MIN;
            case "max" -> MAX;
            case "pow" -> POW;
            default -> null;
        };
    }

    /** The value of this operation on operand values a and b (b ignored for unary ones). */
    double apply(double a, double b) {
        return switch (this) {
            case NEG -> -a;
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case DIV -> a / b;
            case POW -> Math.pow(a, b);
            case EXP -> Math.exp(a);
            case EXPM1 -> Math.expm1(a);
            case LOG -> Math.log(a);
            case SQRT -> Math.sqrt(a);
            case ABS -> Math.abs(a);
            case MIN -> a <= b ? a : (b < a ? b : Double.NaN);
            case MAX -> a >= b ? a : (b > a ? b : Double.NaN);
            default -> throw new IllegalStateException(name() + " is not an operation on values");
        };
    }
}
