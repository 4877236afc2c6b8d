package org.scalefit.law.expr;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A scaling law written as text: an arithmetic expression L̂(x; θ) of declared inputs x (data columns) and
 * parameters θ, parsed into an expression tree and compiled to a flat {@link Tape} with exact gradients.
 *
 * <p>The language:
 * <pre>
 *   law        := (definition ';')* expression [';']
 *   definition := name '=' expression                 a named sub-expression, usable after it
 *   expression := term (('+' | '-') term)*
 *   term       := unary (('*' | '/') unary)*
 *   unary      := ('-' | '+') unary | power
 *   power      := primary (('^' | '**') unary)?       right-associative: a^b^c = a^(b^c), −a^b = −(a^b)
 *   primary    := number | name | name '(' expression (',' expression)* ')' | '(' expression ')'
 * </pre>
 * Functions: {@code exp, expm1} (e^x − 1, exact to rounding for small x), {@code log} (natural; alias {@code ln}),
 * {@code sqrt, abs, min, max, pow}. Names are letters, digits and {@code _} (Greek letters allowed), not starting with a digit; {@code ·} and {@code ×} read as {@code *},
 * {@code −} (U+2212) as {@code -}. For example Hoffmann et al. (2022) eq. 2, {@code E + A/N^alpha + B/D^beta}, or the
 * same law in the log-space form scalefit fits, {@code exp(e) + exp(a - alpha*log(N)) + exp(b - beta*log(D))}.
 *
 * <p>Every declared parameter and input must occur in the expression and every name in it must be declared, a
 * function, or defined before its use; otherwise parsing fails with an {@link ExpressionException} that gives the
 * column (unknown symbol, unbalanced parentheses, a wrong number of arguments, …).
 *
 * <p>Immutable and serializable.
 */
public final class LawExpression implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String text;
    private final List<String> inputs;
    private final List<String> parameters;
    private final List<String> definitions;
    private final Node root;
    private final int[] inputOffsets;
    private final Tape tape;

    private LawExpression(String text, List<String> inputs, List<String> parameters, List<String> definitions,
                          Node root, int[] inputOffsets) {
        this.text = text;
        this.inputs = inputs;
        this.parameters = parameters;
        this.definitions = definitions;
        this.root = root;
        this.inputOffsets = inputOffsets;
        this.tape = Tape.compile(root, text);
    }

    /**
     * Parses {@code text} as a law of the given inputs and parameters (in the order θ and x are passed).
     *
     * @throws ExpressionException if the text is not a law over exactly these names (see the class comment)
     * @throws IllegalArgumentException if a name is declared twice, is not a valid name, or is a function's
     */
    public static LawExpression parse(String text, List<String> inputs, List<String> parameters) {
        Objects.requireNonNull(text, "text");
        List<String> in = List.copyOf(inputs);
        List<String> params = List.copyOf(parameters);
        Set<String> seen = new HashSet<>();
        for (String name : concat(in, params)) {
            if (!isName(name)) {
                throw new IllegalArgumentException("'" + name + "' is not a valid name (letters, digits and _, "
                        + "not starting with a digit)");
            }
            if (Op.function(name) != null) {
                throw new IllegalArgumentException("'" + name + "' is a function of the law language and cannot "
                        + "name an input or a parameter");
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException("'" + name + "' is declared twice (inputs " + in + ", parameters "
                        + params + ")");
            }
        }
        Parser parser = new Parser(text, in, params, false);
        Node root = parser.law();
        for (int p = 0; p < params.size(); p++) {
            if (!parser.usedParameters.contains(p)) {
                throw new ExpressionException("parameter '" + params.get(p) + "' is declared but never used in '"
                        + text.strip() + "'", text, -1);
            }
        }
        int[] inputOffsets = new int[in.size()];
        for (int j = 0; j < in.size(); j++) {
            Integer offset = parser.firstInputUse.get(j);
            if (offset == null) {
                throw new ExpressionException("input '" + in.get(j) + "' is declared but never used in '"
                        + text.strip() + "'", text, -1);
            }
            inputOffsets[j] = offset;
        }
        return new LawExpression(text, in, params, List.copyOf(parser.definitions.keySet()), root, inputOffsets);
    }

    /**
     * The names {@code text} uses that are neither functions nor its own definitions, in order of first use — the
     * inputs and parameters it needs declared (for a command line that infers them).
     *
     * @throws ExpressionException if the text does not parse
     */
    public static List<String> freeNames(String text) {
        Parser parser = new Parser(Objects.requireNonNull(text, "text"), List.of(), List.of(), true);
        parser.law();
        return List.copyOf(parser.free);
    }

    /** The text as written. */
    public String text() {
        return text;
    }

    /** The input names, in the order of the inputs vector. */
    public List<String> inputs() {
        return inputs;
    }

    /** The parameter names, in the order of θ. */
    public List<String> parameters() {
        return parameters;
    }

    /** The names of the definitions ({@code name = …;}) before the final expression, in order. */
    public List<String> definitions() {
        return definitions;
    }

    /** The 0-based offset in {@link #text()} where input {@code j} is first used. */
    public int inputOffset(int j) {
        return inputOffsets[j];
    }

    /** The compiled program. */
    Tape tape() {
        return tape;
    }

    Node root() {
        return root;
    }

    /**
     * The terms t_1 … t_m of the final expression split at its top-level sums and differences (L̂ = ±t_1 ± … ± t_m;
     * a negated sum is split too); the whole expression when it is no sum.
     */
    List<Node> additiveTerms() {
        List<Node> terms = new java.util.ArrayList<>();
        collectTerms(root, terms);
        return terms;
    }

    private static void collectTerms(Node node, List<Node> terms) {
        if (node.op() == Op.ADD || node.op() == Op.SUB) {
            collectTerms(node.a(), terms);
            collectTerms(node.b(), terms);
        } else if (node.op() == Op.NEG) {
            collectTerms(node.a(), terms);
        } else {
            terms.add(node);
        }
    }

    /** The indices of the inputs ({@link Op#INPUT}) or parameters ({@link Op#PARAM}) that {@code node} reads. */
    static java.util.SortedSet<Integer> uses(Node node, Op leaf) {
        java.util.SortedSet<Integer> found = new java.util.TreeSet<>();
        collectUses(node, leaf, found);
        return found;
    }

    private static void collectUses(Node node, Op leaf, Set<Integer> found) {
        if (node == null) {
            return;
        }
        if (node.op() == leaf) {
            found.add(node.index());
        }
        collectUses(node.a(), leaf, found);
        collectUses(node.b(), leaf, found);
    }

    /** The value of the sub-expression {@code node} at inputs {@code x} and parameters {@code theta}. */
    static double value(Node node, double[] x, double[] theta) {
        return switch (node.op()) {
            case CONST -> node.value();
            case INPUT -> x[node.index()];
            case PARAM -> theta[node.index()];
            default -> node.op().apply(value(node.a(), x, theta),
                    node.b() == null ? Double.NaN : value(node.b(), x, theta));
        };
    }

    /**
     * L̂(x; θ) at one point.
     *
     * @param inputs     x, in the order of {@link #inputs()}
     * @param parameters θ, in the order of {@link #parameters()}
     */
    public double evaluate(double[] inputs, double[] parameters) {
        checkLengths(inputs, parameters);
        return tape.evaluate(inputs, parameters, null);
    }

    /**
     * L̂(x; θ) at one point, and its exact gradient ∂L̂/∂θ (reverse-mode automatic differentiation) in
     * {@code gradient}.
     */
    public double evaluate(double[] inputs, double[] parameters, double[] gradient) {
        checkLengths(inputs, parameters);
        if (gradient.length != this.parameters.size()) {
            throw new IllegalArgumentException("gradient has " + gradient.length + " entries, the law "
                    + this.parameters.size() + " parameters");
        }
        return tape.evaluate(inputs, parameters, gradient);
    }

    private void checkLengths(double[] x, double[] theta) {
        if (x.length != inputs.size() || theta.length != parameters.size()) {
            throw new IllegalArgumentException("the law takes " + inputs.size() + " inputs " + inputs + " and "
                    + parameters.size() + " parameters " + parameters + ", got " + x.length + " and " + theta.length);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LawExpression that && text.equals(that.text) && inputs.equals(that.inputs)
                && parameters.equals(that.parameters);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text, inputs, parameters);
    }

    @Override
    public String toString() {
        return text.strip() + " (inputs " + inputs + ", parameters " + parameters + ")";
    }

    static boolean isName(String name) {
        if (name == null || name.isEmpty() || !isNameStart(name.charAt(0))) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            if (!isNamePart(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** A recursive-descent parser over the grammar of the class comment. */
    private static final class Parser {
        private final String text;
        private final Map<String, Integer> inputIndex = new LinkedHashMap<>();
        private final Map<String, Integer> parameterIndex = new LinkedHashMap<>();
        /** In lenient mode unknown names are collected (in {@link #free}) instead of rejected. */
        private final boolean lenient;
        final Map<String, Node> definitions = new LinkedHashMap<>();
        final Set<Integer> usedParameters = new HashSet<>();
        final Map<Integer, Integer> firstInputUse = new LinkedHashMap<>();
        final Set<String> free = new LinkedHashSet<>();
        private final Set<String> usedDefinitions = new HashSet<>();
        private final Map<String, Integer> definitionOffsets = new LinkedHashMap<>();
        private int pos;

        Parser(String text, List<String> inputs, List<String> parameters, boolean lenient) {
            this.text = text;
            this.lenient = lenient;
            for (int j = 0; j < inputs.size(); j++) {
                inputIndex.put(inputs.get(j), j);
            }
            for (int p = 0; p < parameters.size(); p++) {
                parameterIndex.put(parameters.get(p), p);
            }
        }

        Node law() {
            skipSpace();
            if (pos >= text.length()) {
                throw error("empty law expression: expected an expression", pos);
            }
            while (true) {
                int start = pos;
                String name = peekDefinitionName();
                if (name == null) {
                    break;
                }
                if (definitions.containsKey(name)) {
                    throw error("'" + name + "' is defined twice", start);
                }
                if (inputIndex.containsKey(name) || parameterIndex.containsKey(name) || Op.function(name) != null) {
                    throw error("'" + name + "' is already an input, a parameter or a function and cannot be "
                            + "defined", start);
                }
                Node value = expression();
                skipSpace();
                if (pos >= text.length()) {
                    throw error("definition of '" + name + "' must be followed by ';' and the law's expression",
                            pos);
                }
                if (text.charAt(pos) != ';') {
                    throw unexpected();
                }
                pos++;
                definitions.put(name, value);
                definitionOffsets.put(name, start);
                skipSpace();
                if (pos >= text.length()) {
                    throw error("expected the law's expression after the definitions", pos);
                }
            }
            Node root = expression();
            skipSpace();
            if (pos < text.length() && text.charAt(pos) == ';') {
                pos++;
                skipSpace();
                int late = pos;
                String name = peekDefinitionName();
                if (name != null) {
                    throw error("definition of '" + name + "' after the law's expression: definitions (NAME = …;) "
                            + "come first and the law's expression last", late);
                }
            }
            if (pos < text.length()) {
                throw unexpected();
            }
            for (Map.Entry<String, Integer> definition : definitionOffsets.entrySet()) {
                if (!usedDefinitions.contains(definition.getKey())) {
                    throw error("'" + definition.getKey() + "' is defined but never used", definition.getValue());
                }
            }
            return root;
        }

        /** If the text at pos is {@code name =} (not {@code ==}), consumes it and returns the name. */
        private String peekDefinitionName() {
            int save = pos;
            skipSpace();
            if (pos < text.length() && isNameStart(text.charAt(pos))) {
                String name = readName();
                skipSpace();
                if (pos < text.length() && text.charAt(pos) == '=') {
                    pos++;
                    return name;
                }
            }
            pos = save;
            return null;
        }

        private Node expression() {
            Node left = term();
            while (true) {
                skipSpace();
                if (pos >= text.length()) {
                    return left;
                }
                char c = text.charAt(pos);
                if (c == '+' || c == '-' || c == '\u2212') {
                    int at = pos++;
                    left = Node.binary(c == '+' ? Op.ADD : Op.SUB, left, term(), at);
                } else {
                    return left;
                }
            }
        }

        private Node term() {
            Node left = unary();
            while (true) {
                skipSpace();
                if (pos >= text.length()) {
                    return left;
                }
                char c = text.charAt(pos);
                boolean times = (c == '*' && !(pos + 1 < text.length() && text.charAt(pos + 1) == '*'))
                        || c == '\u00b7' || c == '\u00d7';
                if (times || c == '/') {
                    int at = pos++;
                    left = Node.binary(times ? Op.MUL : Op.DIV, left, unary(), at);
                } else {
                    return left;
                }
            }
        }

        private Node unary() {
            skipSpace();
            if (pos < text.length()) {
                char c = text.charAt(pos);
                if (c == '-' || c == '\u2212') {
                    int at = pos++;
                    Node operand = unary();
                    return operand.op() == Op.CONST ? Node.constant(-operand.value(), at)
                            : Node.unary(Op.NEG, operand, at);
                }
                if (c == '+') {
                    pos++;
                    return unary();
                }
            }
            return power();
        }

        private Node power() {
            Node base = primary();
            skipSpace();
            if (pos < text.length()) {
                if (text.charAt(pos) == '^') {
                    int at = pos++;
                    return Node.binary(Op.POW, base, unary(), at);
                }
                if (text.startsWith("**", pos)) {
                    int at = pos;
                    pos += 2;
                    return Node.binary(Op.POW, base, unary(), at);
                }
            }
            return base;
        }

        private Node primary() {
            skipSpace();
            if (pos >= text.length()) {
                throw error("unexpected end of the law expression: expected a number, a name or '('", pos);
            }
            char c = text.charAt(pos);
            int start = pos;
            if (c == '(') {
                pos++;
                Node inner = expression();
                expectClosing(start);
                return inner;
            }
            if (Character.isDigit(c) || (c == '.' && pos + 1 < text.length()
                    && Character.isDigit(text.charAt(pos + 1)))) {
                return Node.constant(readNumber(), start);
            }
            if (isNameStart(c)) {
                String name = readName();
                skipSpace();
                if (pos < text.length() && text.charAt(pos) == '(') {
                    return call(name, start);
                }
                return symbol(name, start);
            }
            if (c == ')') {
                throw error("unbalanced parentheses: ')' without a matching '('", pos);
            }
            throw unexpected();
        }

        private Node call(String name, int start) {
            Op function = Op.function(name);
            if (function == null) {
                throw error("unknown function '" + name + "' (the functions are exp, expm1, log, ln, sqrt, abs, "
                        + "min, max, pow)", start);
            }
            int open = pos++;
            List<Node> arguments = new ArrayList<>();
            skipSpace();
            if (pos < text.length() && text.charAt(pos) == ')') {
                throw error("'" + name + "' takes " + function.arity() + " argument"
                        + (function.arity() == 1 ? "" : "s") + ", got none", start);
            }
            arguments.add(expression());
            skipSpace();
            while (pos < text.length() && text.charAt(pos) == ',') {
                pos++;
                arguments.add(expression());
                skipSpace();
            }
            expectClosing(open);
            if (arguments.size() != function.arity()) {
                throw error("'" + name + "' takes " + function.arity() + " argument"
                        + (function.arity() == 1 ? "" : "s") + ", got " + arguments.size(), start);
            }
            return function.arity() == 1 ? Node.unary(function, arguments.get(0), start)
                    : Node.binary(function, arguments.get(0), arguments.get(1), start);
        }

        private void expectClosing(int open) {
            skipSpace();
            if (pos >= text.length()) {
                throw error("unbalanced parentheses: '(' is never closed", open);
            }
            if (text.charAt(pos) != ')') {
                if (text.charAt(pos) == ';' || text.charAt(pos) == '=') {
                    throw error("unbalanced parentheses: '(' is not closed before '" + text.charAt(pos) + "'", open);
                }
                throw unexpected();
            }
            pos++;
        }

        private Node symbol(String name, int start) {
            Node definition = definitions.get(name);
            if (definition != null) {
                usedDefinitions.add(name);
                return definition;
            }
            Integer input = inputIndex.get(name);
            if (input != null) {
                firstInputUse.putIfAbsent(input, start);
                return Node.input(input, start);
            }
            Integer parameter = parameterIndex.get(name);
            if (parameter != null) {
                usedParameters.add(parameter);
                return Node.parameter(parameter, start);
            }
            if (lenient) {
                free.add(name);
                return Node.constant(Double.NaN, start);
            }
            if (Op.function(name) != null) {
                throw error("function '" + name + "' needs its arguments in parentheses", start);
            }
            throw error("unknown symbol '" + name + "' (inputs: " + String.join(", ", inputIndex.keySet())
                    + "; parameters: " + String.join(", ", parameterIndex.keySet())
                    + (definitions.isEmpty() ? "" : "; defined: " + String.join(", ", definitions.keySet())) + ")",
                    start);
        }

        private String readName() {
            int start = pos;
            while (pos < text.length() && isNamePart(text.charAt(pos))) {
                pos++;
            }
            return text.substring(start, pos);
        }

        private double readNumber() {
            int start = pos;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
            if (pos < text.length() && text.charAt(pos) == '.') {
                pos++;
                while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                    pos++;
                }
            }
            if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
                int mark = pos + 1;
                if (mark < text.length() && (text.charAt(mark) == '+' || text.charAt(mark) == '-')) {
                    mark++;
                }
                if (mark < text.length() && Character.isDigit(text.charAt(mark))) {
                    pos = mark;
                    while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                        pos++;
                    }
                }
            }
            if (pos < text.length() && isNameStart(text.charAt(pos))) {
                throw error("a number must not run into a name (write '*' for a product)", pos);
            }
            return Double.parseDouble(text.substring(start, pos));
        }

        private void skipSpace() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private ExpressionException unexpected() {
            char c = text.charAt(pos);
            if (c == ')') {
                return error("unbalanced parentheses: ')' without a matching '('", pos);
            }
            return error("unexpected '" + c + "'", pos);
        }

        private ExpressionException error(String problem, int offset) {
            return new ExpressionException(problem, text, offset);
        }
    }
}
