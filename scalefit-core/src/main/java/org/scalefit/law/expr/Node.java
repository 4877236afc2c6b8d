package org.scalefit.law.expr;

import java.io.Serializable;

/**
 * One node of a parsed law expression: an operation and its operands (a tree, or a DAG where a definition is used
 * more than once). {@code offset} is where the node's text starts (operators: where the operator is), for messages.
 *
 * @param op     the operation
 * @param value  the number, for {@link Op#CONST}
 * @param index  the input or parameter index, for {@link Op#INPUT} and {@link Op#PARAM}
 * @param a      the first operand, or null
 * @param b      the second operand, or null
 * @param offset 0-based character offset in the expression text
 */
record Node(Op op, double value, int index, Node a, Node b, int offset) implements Serializable {

    static Node constant(double value, int offset) {
        return new Node(Op.CONST, value, -1, null, null, offset);
    }

    static Node input(int index, int offset) {
        return new Node(Op.INPUT, 0, index, null, null, offset);
    }

    static Node parameter(int index, int offset) {
        return new Node(Op.PARAM, 0, index, null, null, offset);
    }

    static Node unary(Op op, Node a, int offset) {
        return new Node(op, 0, -1, a, null, offset);
    }

    static Node binary(Op op, Node a, Node b, int offset) {
        return new Node(op, 0, -1, a, b, offset);
    }

    // Identity semantics: a definition used twice is the same node (the compiler shares it by structure anyway).
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
