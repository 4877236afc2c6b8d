package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Generated corruptions of the bundled formats — Gemstones' JSON Lines, Datablations' CSV, the same runs as Parquet,
 * and a fit document — fed to {@code fit} (and the fit document to {@code allocate}) in-process, from a fixed seed.
 * Whatever the corruption: no crash (no stack trace, only the documented exit codes), no partial output (a failed
 * command leaves no file; a written fit file is complete JSON whose {@code success} agrees with the exit code), and
 * data made unidentifiable on purpose (few rows, a constant or collinear input, a value beyond physical ranges)
 * never give a success.
 */
@Tag("slow") // 1 000 commands, about 25 s: CI (-Pall) runs it; the bad-input tests of io and cli cover each defect
class CorruptedInputFuzzTest {

    private static final long SEED = 20261205L;
    /** Corruptions of each table format (JSON Lines, CSV, Parquet), each read by a fresh DuckDB instance. */
    private static final int CASES_PER_FORMAT = 100;
    /** Corruptions of the fit document per table case (cheaper: parsed by Jackson). */
    private static final int DOCUMENTS_PER_CASE = 7;
    private static final String DATASETS = "/org/scalefit/io/datasets/";
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    /** Cell values that a corrupted table may hold. */
    private static final String[] ODD_VALUES = {"", "NaN", "nan", "inf", "-inf", "-1", "0", "1e308", "1e-320", "abc",
            "\"\"", "null", "1,5", "0x10", "1e16", "9e999", "  7  ", "\u00a0", "१२", "true", "[1]", "{}", "--", "1e",
            "\"3\"", "\\", "1.0.0", "∞"};

    @TempDir
    Path folder;

    private final Map<String, Integer> exitCodes = new TreeMap<>();
    private int cases;

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = CorruptedInputFuzzTest.class.getResourceAsStream(path)) {
            return in.readAllBytes();
        }
    }

    /** Every 6th line of Gemstones' hot table: 37 runs of many sizes (JSON Lines, Gemstones' column names). */
    private static List<String> gemstonesLines() throws IOException {
        List<String> lines = new String(resource(DATASETS + "gemstones/wandb_df_for_fitting_hot.jsonl"),
                StandardCharsets.UTF_8).lines().toList();
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.size(); i += 6) {
            kept.add(lines.get(i));
        }
        return kept;
    }

    /** Every 8th run of Datablations' table (CSV with params, tokens, loss among other columns). */
    private static List<String> datablationsLines() throws IOException {
        List<String> lines = new String(resource(DATASETS + "datablations/runs.csv"), StandardCharsets.UTF_8)
                .lines().toList();
        List<String> kept = new ArrayList<>(List.of(lines.get(0)));
        for (int i = 1; i < lines.size(); i += 8) {
            kept.add(lines.get(i));
        }
        return kept;
    }

    @Test
    void corruptedTablesAndFitFilesNeverCrashLeavePartialOutputOrSucceedOnUnidentifiableData() throws Exception {
        SplittableRandom random = new SplittableRandom(SEED);
        List<String> jsonl = gemstonesLines();
        List<String> csv = datablationsLines();
        for (int i = 0; i < CASES_PER_FORMAT; i++) {
            fuzzTable("jsonl", jsonl, i, random.split());
            fuzzTable("csv", csv, i, random.split());
            fuzzParquet(csv, i, random.split());
            for (int d = 0; d < DOCUMENTS_PER_CASE; d++) {
                fuzzFitDocument(DOCUMENTS_PER_CASE * i + d, random.split());
            }
        }
        assertThat(cases).isGreaterThanOrEqualTo(1000);
        System.out.println("corrupted-input fuzz: " + cases + " cases, exit codes " + exitCodes);
    }

    /** One corruption of a text table, fitted. */
    private void fuzzTable(String format, List<String> lines, int index, SplittableRandom random) throws Exception {
        boolean unidentifiable = random.nextInt(4) == 0;
        String text = unidentifiable ? unidentifiable(format, lines, random)
                : corrupt(String.join(random.nextBoolean() ? "\n" : "\r\n", lines) + "\n", format, random);
        Path data = folder.resolve(format + "-" + index + "." + format);
        Files.writeString(data, text, StandardCharsets.UTF_8);
        checkFit(data, unidentifiable, format + " case " + index + ": " + abbreviate(text));
    }

    /** One corruption of a Parquet file of the CSV's runs (bytes flipped, cut or inserted), fitted. */
    private void fuzzParquet(List<String> lines, int index, SplittableRandom random) throws Exception {
        Path clean = folder.resolve("clean.parquet");
        if (!Files.exists(clean)) {
            Path csv = Files.writeString(folder.resolve("clean.csv"), String.join("\n", lines) + "\n");
            try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                 Statement statement = connection.createStatement()) {
                statement.execute("COPY (SELECT params, tokens, loss FROM read_csv('" + csv + "')) TO '" + clean
                        + "' (FORMAT parquet)");
            }
        }
        byte[] bytes = bytes(Files.readAllBytes(clean), random);
        Path data = Files.write(folder.resolve("parquet-" + index + ".parquet"), bytes);
        checkFit(data, false, "parquet case " + index);
    }

    /** One corruption of a fit document written by {@code fit --out}, read by {@code allocate}. */
    private void fuzzFitDocument(int index, SplittableRandom random) throws Exception {
        Path fit = folder.resolve("fit.json");
        if (!Files.exists(fit)) {
            Path data = Files.writeString(folder.resolve("runs.csv"), UserRunsCommandTest.runs("params,tokens,loss",
                    ","));
            assertThat(CliRun.of("fit", "--data", data.toString(), "--threads", "1", "--no-store", "--out",
                    fit.toString()).exitCode()).isZero();
        }
        String text = corrupt(Files.readString(fit), "json", random);
        Path law = Files.writeString(folder.resolve("law-" + index + ".json"), text, StandardCharsets.UTF_8);
        Path out = folder.resolve("allocation-" + index + ".json");
        CliRun run = CliRun.of("allocate", "--law", law.toString(), "--compute", "1e21:1e23", "--out",
                out.toString());
        String what = "fit document case " + index + ": " + abbreviate(text);
        record(run, what);
        assertThat(run.exitCode()).as(what + "\n" + run.err()).isIn(0, 2, 3);
        assertThat(Files.exists(out)).as(what).isEqualTo(run.exitCode() == 0);
        if (run.exitCode() == 0) {
            assertThat(MAPPER.readTree(out.toFile()).get("allocations").size()).as(what).isEqualTo(3);
        }
    }

    private void checkFit(Path data, boolean unidentifiable, String what) throws IOException {
        Path out = folder.resolve("out").resolve(data.getFileName() + ".fit.json");
        Files.createDirectories(out.getParent());
        CliRun run = CliRun.of("fit", "--data", data.toString(), "--threads", "1", "--no-store",
                "--max-evaluations", "2", "--out", out.toString());
        record(run, what);
        assertThat(run.exitCode()).as(what + "\n" + run.err()).isIn(0, 2, 3, 4, 5);
        try (Stream<Path> left = Files.list(out.getParent())) {
            assertThat(left.map(Path::getFileName).map(Path::toString).toList()).as(what + ": files left")
                    .isSubsetOf(List.of(out.getFileName().toString()));
        }
        if (run.exitCode() == 2 || run.exitCode() == 3) {
            assertThat(out).as(what + ": nothing written on bad input").doesNotExist();
            return;
        }
        JsonNode result = MAPPER.readTree(out.toFile());
        assertThat(result.get("success").asBoolean()).as(what).isEqualTo(run.exitCode() == 0);
        if (unidentifiable) {
            assertThat(run.exitCode()).as(what + "\n" + run.out()).isEqualTo(5);
            assertThat(result.get("status").asString()).as(what).isEqualTo("not_identified");
        }
        Files.delete(out);
    }

    /**
     * Counts the exit code and checks that nothing crashed: no stack trace, and a failure is reported in scalefit's
     * own words ("scalefit COMMAND: FILE: expected …, found …").
     */
    private void record(CliRun run, String what) {
        cases++;
        exitCodes.merge(Integer.toString(run.exitCode()), 1, Integer::sum);
        assertThat(run.err()).as(what).doesNotContain("\tat ").doesNotContain("Exception in");
        assertThat(run.out()).as(what).doesNotContain("\tat ");
        if (run.exitCode() == 2 || run.exitCode() == 3) {
            assertThat(run.err()).as(what).startsWith("scalefit ");
        }
    }

    /**
     * The table made unidentifiable: at most 5 rows, one input constant, tokens proportional to params, or one value
     * beyond physical ranges — each a rule of {@code Identification}.
     */
    private static String unidentifiable(String format, List<String> lines, SplittableRandom random) {
        boolean csv = format.equals("csv");
        List<String> rows = new ArrayList<>(csv ? lines.subList(1, lines.size()) : lines);
        String params = csv ? "params" : "params_active_precise";
        switch (random.nextInt(5)) {
            case 0 -> rows = rows.subList(0, 1 + random.nextInt(5));
            case 1 -> {
                String constant = random.nextBoolean() ? params : "tokens";
                rows = rows.stream().map(row -> setField(row, csv, lines.get(0), constant, "123456789")).toList();
            }
            case 2 -> rows = rows.stream().map(row -> setField(row, csv, lines.get(0), "tokens", Double.toString(
                    20 * Double.parseDouble(field(row, csv, lines.get(0), params))))).toList();
            case 3 -> {
                int row = random.nextInt(rows.size());
                rows.set(row, setField(rows.get(row), csv, lines.get(0), "tokens", "1e17"));
            }
            default -> rows.set(0, setField(rows.get(0), csv, lines.get(0), params, "2e15"));
        }
        List<String> out = new ArrayList<>(csv ? List.of(lines.get(0)) : List.of());
        out.addAll(rows);
        return String.join("\n", out) + "\n";
    }

    private static String field(String row, boolean csv, String header, String name) {
        if (csv) {
            return row.split(",", -1)[Arrays.asList(header.split(",")).indexOf(name)];
        }
        JsonNode node = MAPPER.readTree(row);
        return node.get(name).asString(node.get(name).toString());
    }

    private static String setField(String row, boolean csv, String header, String name, String value) {
        if (csv) {
            String[] cells = row.split(",", -1);
            cells[Arrays.asList(header.split(",")).indexOf(name)] = value;
            return String.join(",", cells);
        }
        return row.replaceFirst("\"" + name + "\":[^,}]*", "\"" + name + "\":" + value);
    }

    /** The text with one to three corruptions: of bytes, of lines or of one value. */
    private static String corrupt(String text, String format, SplittableRandom random) {
        int count = 1 + random.nextInt(3);
        for (int c = 0; c < count; c++) {
            text = switch (random.nextInt(9)) {
                case 0 -> text.substring(0, random.nextInt(text.length() + 1));
                case 1 -> new String(bytes(text.getBytes(StandardCharsets.UTF_8), random), StandardCharsets.UTF_8);
                case 2 -> oddValue(text, format, random);
                case 3 -> oddValue(text, format, random);
                case 4 -> deleteLine(text, random);
                case 5 -> duplicateLine(text, random);
                case 6 -> "\ufeff" + text;
                case 7 -> insert(text, random, List.of("\r", "\n", "\"", ",", ";", "\t", "{", "}", "[", "\u0000",
                        "\\", "\"\":1,", "\"params\":\"x\",", "\"a\":{\"b\":{\"c\":[[[[", " ".repeat(5000))
                        .get(random.nextInt(15)));
                default -> text.replace(random.nextBoolean() ? "," : "\n", random.nextBoolean() ? ";" : "\r\n");
            };
        }
        return text;
    }

    /** A numeric token of the text replaced by an odd value. */
    private static String oddValue(String text, String format, SplittableRandom random) {
        var matcher = java.util.regex.Pattern.compile("-?[0-9][0-9.eE+-]*").matcher(text);
        List<int[]> spans = new ArrayList<>();
        while (matcher.find()) {
            spans.add(new int[] {matcher.start(), matcher.end()});
        }
        if (spans.isEmpty()) {
            return text;
        }
        int[] span = spans.get(random.nextInt(spans.size()));
        String value = ODD_VALUES[random.nextInt(ODD_VALUES.length)];
        if (format.equals("json") && random.nextBoolean()) {
            value = "\"" + value + "\"";
        }
        return text.substring(0, span[0]) + value + text.substring(span[1]);
    }

    private static String deleteLine(String text, SplittableRandom random) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        if (!lines.isEmpty()) {
            lines.remove(random.nextInt(lines.size()));
        }
        return String.join("\n", lines) + "\n";
    }

    private static String duplicateLine(String text, SplittableRandom random) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        if (!lines.isEmpty()) {
            int i = random.nextInt(lines.size());
            lines.add(random.nextInt(lines.size() + 1), lines.get(i));
        }
        return String.join("\n", lines) + "\n";
    }

    private static String insert(String text, SplittableRandom random, String what) {
        int at = random.nextInt(text.length() + 1);
        return text.substring(0, at) + what + text.substring(at);
    }

    /** Bytes flipped, cut out or inserted at random places. */
    private static byte[] bytes(byte[] original, SplittableRandom random) {
        byte[] bytes = original.clone();
        switch (random.nextInt(3)) {
            case 0 -> {
                int flips = 1 + random.nextInt(8);
                for (int f = 0; f < flips && bytes.length > 0; f++) {
                    bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                }
            }
            case 1 -> {
                int from = random.nextInt(bytes.length + 1);
                int to = Math.min(bytes.length, from + 1 + random.nextInt(64));
                byte[] cut = new byte[bytes.length - (to - from)];
                System.arraycopy(bytes, 0, cut, 0, from);
                System.arraycopy(bytes, to, cut, from, bytes.length - to);
                bytes = cut;
            }
            default -> {
                int at = random.nextInt(bytes.length + 1);
                byte[] extra = new byte[1 + random.nextInt(16)];
                for (int e = 0; e < extra.length; e++) {
                    extra[e] = (byte) random.nextInt(256);
                }
                byte[] grown = new byte[bytes.length + extra.length];
                System.arraycopy(bytes, 0, grown, 0, at);
                System.arraycopy(extra, 0, grown, at, extra.length);
                System.arraycopy(bytes, at, grown, at + extra.length, bytes.length - at);
                bytes = grown;
            }
        }
        return bytes;
    }

    private static String abbreviate(String text) {
        String flat = text.replace("\n", "⏎");
        return flat.length() <= 400 ? flat : flat.substring(0, 400) + "…";
    }
}
