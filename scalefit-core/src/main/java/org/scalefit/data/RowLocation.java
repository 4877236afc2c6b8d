package org.scalefit.data;

/**
 * How the rows of a table are located in the file they were read from: by 1-based {@link #LINE} in a text file
 * (CSV, where the header is line 1, or JSON Lines), or by 1-based {@link #ROW} in a Parquet file, which has no lines.
 * Every label and message that points a user at a run says {@link #at}.
 */
public enum RowLocation implements Labelled {
    /** A line of a CSV or JSON Lines file. */
    LINE,
    /** A row of a Parquet file. */
    ROW;

    /** The place {@code n} (1-based), e.g. {@code line 17} or {@code row 16}. */
    public String at(int n) {
        return label() + " " + n;
    }

    /** The file name {@code -}, which by the Unix convention is standard input. */
    public static final String STANDARD_INPUT = "-";

    /**
     * The place {@code n} (1-based) of {@code file}, as a message begins: {@code data.csv:17} for a line (the
     * file:line form editors and compilers use) and {@code data.parquet, row 16} for a row; standard input ({@value
     * #STANDARD_INPUT}), which has no name to put before a colon, is {@code standard input, line 17}.
     */
    public String in(String file, int n) {
        if (file.equals(STANDARD_INPUT)) {
            return source(file) + ", " + at(n);
        }
        return this == LINE ? file + ":" + n : file + ", " + at(n);
    }

    /** {@code file} as a message names it: {@code standard input} for {@value #STANDARD_INPUT}, else as given. */
    public static String source(String file) {
        return file.equals(STANDARD_INPUT) ? "standard input" : file;
    }

    /** The places {@code ns} (1-based, at least one), e.g. {@code line 4} or {@code rows 4, 7}. */
    public String at(int... ns) {
        if (ns.length == 1) {
            return at(ns[0]);
        }
        return label() + "s " + String.join(", ", java.util.Arrays.stream(ns).mapToObj(String::valueOf).toList());
    }
}
