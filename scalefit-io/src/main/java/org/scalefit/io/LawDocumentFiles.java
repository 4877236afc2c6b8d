package org.scalefit.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads the document of a file a user gave as a law (a fit written by {@code scalefit fit --out FILE.json}, a
 * Gemstones parameter file, a law file), saying what the file is when it is not a document at all: a Parquet table
 * (its first four bytes are {@code PAR1}, as a fit written with {@code --out FILE.parquet} is), other binary content
 * (a NUL byte in its first 4 KiB), or, for JSON, text that does not begin with {@code {} or {@code [}. JSON that
 * begins as a document but breaks keeps the parser's message and line.
 */
public final class LawDocumentFiles {

    private static final int PROBE = 4096;

    private LawDocumentFiles() {
    }

    /**
     * The document in {@code file}, read by {@code mapper} ({@code json}: whether it is a JSON mapper).
     *
     * @param expected what the caller reads, phrased to follow "expected"
     * @throws InputException naming the file and what it is instead
     */
    public static JsonNode readTree(Path file, ObjectMapper mapper, boolean json, String expected) {
        String source = file.toString();
        byte[] head = head(file, source, expected);
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'A' && head[2] == 'R' && head[3] == '1') {
            throw new InputException(source, null, null, expected, "a Parquet table (it begins with PAR1), not a "
                    + "law; a fit written with --out FILE.parquet is a table for data tools: write the fit with "
                    + "--out FILE.json to read it here");
        }
        for (byte b : head) {
            if (b == 0) {
                throw new InputException(source, null, null, expected, "binary content (a NUL byte in its first "
                        + head.length + " bytes), not a law");
            }
        }
        String start = new String(head, StandardCharsets.UTF_8).stripLeading();
        if (json && !start.isEmpty() && start.charAt(0) != '{' && start.charAt(0) != '[') {
            String firstLine = start.lines().findFirst().orElse("");
            throw new InputException(source, null, null, expected, "text that is not JSON (it begins '"
                    + (firstLine.length() > 40 ? firstLine.substring(0, 40) + "…" : firstLine) + "'), not a law");
        }
        try {
            return mapper.readTree(file.toFile());
        } catch (JacksonException e) {
            Integer line = e.getLocation() != null && e.getLocation().getLineNr() > 0 ? e.getLocation().getLineNr()
                    : null;
            throw new InputException(source, line, null, expected, JsonErrors.found(e), e);
        }
    }

    private static byte[] head(Path file, String source, String expected) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(PROBE);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new InputException(source, null, null, expected, "no such file", e);
        } catch (IOException e) {
            throw new InputException(source, null, null, expected, "an unreadable file (" + e.getMessage() + ")", e);
        }
    }
}
