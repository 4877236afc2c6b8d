package org.scalefit.law.expr;

/**
 * A law expression that cannot be parsed, compiled or evaluated on the data: an unknown symbol, unbalanced
 * parentheses, a declared parameter or input never used, a wrong number of arguments, a data column that is missing,
 * a sub-expression of the data alone that is not finite at some row (e.g. a division by zero).
 *
 * <p>The message names what is wrong and, when the fault is at a place in the expression, shows the expression
 * with a caret under that place:
 * <pre>
 *   unknown symbol 'x' at column 9 of the law expression
 *     E + A/N^x
 *             ^
 * </pre>
 */
public final class ExpressionException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String expression;
    private final int offset;

    /**
     * @param problem    what is wrong, without the position
     * @param expression the expression's text
     * @param offset     the 0-based character offset of the fault in {@code expression}, or −1 if it has no place
     */
    public ExpressionException(String problem, String expression, int offset) {
        super(format(problem, expression, offset));
        this.expression = expression;
        this.offset = offset;
    }

    /** The expression's text. */
    public String expression() {
        return expression;
    }

    /** The 0-based offset of the fault in {@link #expression()}, or −1 if the fault has no place in it. */
    public int offset() {
        return offset;
    }

    /** The 1-based column of the fault, or 0 if it has no place in the expression. */
    public int column() {
        return offset + 1;
    }

    private static String format(String problem, String expression, int offset) {
        if (offset < 0 || expression == null) {
            return problem;
        }
        String line = expression.replace('\n', ' ').replace('\t', ' ');
        return problem + " at column " + (offset + 1) + " of the law expression\n  " + line + "\n  "
                + " ".repeat(Math.min(offset, line.length())) + "^";
    }
}
