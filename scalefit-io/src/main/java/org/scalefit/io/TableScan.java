package org.scalefit.io;

import java.io.BufferedWriter;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CancellationException;
import java.util.function.LongConsumer;

/**
 * One pass over the bytes of a table file, before DuckDB reads it: the SHA-256 of the bytes, and for a text table
 * what scalefit needs to report DuckDB's rows by their lines — where each record starts, the header line, the
 * longest line, a JSON record DuckDB cannot take — computed on the text without a leading byte-order mark and with
 * CRLF line ends made LF. The pass can also write that normalised text (or a Parquet file's bytes) to a copy for
 * DuckDB to read. Memory does not grow with the file: the text is decoded and scanned a block at a time.
 */
final class TableScan {

    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final int BLOCK = 1 << 16;
    /** How much of an unended header record is kept (16 M characters; DuckDB refuses lines over 2 MB anyway). */
    private static final int LONGEST_HEADER = 1 << 24;

    private final TableFormat format;
    private final RecordLines.CsvRecords csv;
    private final RecordLines.JsonRecords json;
    private final StringBuilder header = new StringBuilder();
    private boolean first = true;
    private boolean carriageReturn;
    private boolean normalised;
    private boolean blank = true;
    private long longestLine;
    private long currentLine;

    private TableScan(TableFormat format) {
        this.format = format;
        this.csv = format == TableFormat.CSV ? new RecordLines.CsvRecords() : null;
        this.json = format == TableFormat.JSON || format == TableFormat.JSON_LINES ? new RecordLines.JsonRecords()
                : null;
    }

    /**
     * What a pass found.
     *
     * @param sha256       hex SHA-256 of the bytes read
     * @param bytes        how many bytes were read
     * @param blank        whether the (text) table holds nothing but white space
     * @param changed      whether normalising changed the text (a byte-order mark, or a CRLF line end)
     * @param records      the 1-based line on which each data record starts (CSV: after the header; JSON: each
     *                     object record); empty for Parquet
     * @param header       the text of a CSV file up to the end of its header record ("" otherwise)
     * @param longestLine  the longest line of the normalised text in UTF-8 bytes
     * @param jsonProblem  the first place a JSON text holds what DuckDB cannot read, or null
     */
    record Result(String sha256, long bytes, boolean blank, boolean changed, RecordLines.IntList records,
                  String header, long longestLine, RecordLines.JsonProblem jsonProblem) {
    }

    /**
     * Reads {@code in} to its end.
     *
     * @param copy     where to write the normalised text (the bytes, for Parquet), or null
     * @param progress told the number of bytes read so far, every few blocks
     * @throws CancellationException if the calling thread is interrupted
     */
    static Result scan(InputStream in, TableFormat format, OutputStream copy, LongConsumer progress)
            throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        Counting counted = new Counting(in, progress);
        DigestInputStream digested = new DigestInputStream(counted, sha256);
        TableScan scan = new TableScan(format);
        if (format.isText()) {
            Writer text = copy == null ? null
                    : new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), BLOCK);
            Reader reader = new InputStreamReader(digested, StandardCharsets.UTF_8);
            char[] block = new char[BLOCK];
            for (int n; (n = reader.read(block)) >= 0; ) {
                checkInterrupt();
                scan.accept(block, n, text);
            }
            scan.finish(text);
            if (text != null) {
                text.flush();
            }
        } else {
            byte[] block = new byte[BLOCK];
            for (int n; (n = digested.read(block)) >= 0; ) {
                checkInterrupt();
                if (copy != null) {
                    copy.write(block, 0, n);
                }
            }
            if (copy != null) {
                copy.flush();
            }
        }
        RecordLines.IntList records = scan.csv != null ? without(scan.csv.starts(), 1)
                : scan.json != null ? scan.json.starts() : new RecordLines.IntList();
        return new Result(HexFormat.of().formatHex(sha256.digest()), counted.count, scan.blank, scan.normalised,
                records, scan.header.toString(), scan.longestLine, scan.json == null ? null : scan.json.problem());
    }

    static void checkInterrupt() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("interrupted");
        }
    }

    private static RecordLines.IntList without(RecordLines.IntList list, int first) {
        RecordLines.IntList rest = new RecordLines.IntList();
        for (int i = first; i < list.size(); i++) {
            rest.add(list.get(i));
        }
        return rest;
    }

    /** Normalises a block (drops a leading byte-order mark, makes CRLF LF) and passes each character on. */
    private void accept(char[] block, int length, Writer copy) throws IOException {
        int from = 0;
        if (first && length > 0) {
            first = false;
            if (block[0] == BYTE_ORDER_MARK) {
                normalised = true;
                from = 1;
            }
        }
        for (int i = from; i < length; i++) {
            char c = block[i];
            if (carriageReturn) {
                carriageReturn = false;
                if (c == '\n') {
                    normalised = true;
                } else {
                    emit('\r', copy);
                }
            }
            if (c == '\r') {
                carriageReturn = true;
            } else {
                emit(c, copy);
            }
        }
    }

    private void finish(Writer copy) throws IOException {
        if (carriageReturn) {
            carriageReturn = false;
            emit('\r', copy);
        }
        if (json != null) {
            json.finish();
        }
        longestLine = Math.max(longestLine, currentLine);
    }

    private void emit(char c, Writer copy) throws IOException {
        if (copy != null) {
            copy.write(c);
        }
        if (blank && !Character.isWhitespace(c)) {
            blank = false;
        }
        if (c == '\n') {
            longestLine = Math.max(longestLine, currentLine);
            currentLine = 0;
        } else {
            currentLine += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
        }
        if (csv != null) {
            if (!csv.headerEnded() && header.length() < LONGEST_HEADER) {
                header.append(c);
            }
            csv.accept(c);
        } else if (json != null) {
            json.accept(c);
        }
    }

    /** Counts the bytes read and reports the count about every 4 MB. */
    private static final class Counting extends FilterInputStream {

        private static final long REPORT_EVERY = 1 << 22;
        private final LongConsumer progress;
        private long count;
        private long reported;

        Counting(InputStream in, LongConsumer progress) {
            super(in);
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) {
            count += n;
            if (count - reported >= REPORT_EVERY) {
                reported = count;
                progress.accept(count);
            }
        }
    }
}
