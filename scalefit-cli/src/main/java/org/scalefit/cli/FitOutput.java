package org.scalefit.cli;

import java.nio.file.Path;
import java.util.Locale;
import org.scalefit.io.AtomicFiles;
import org.scalefit.io.FitDocument;
import org.scalefit.io.FitResultJson;
import org.scalefit.io.FitResultParquet;

/**
 * Where {@code scalefit fit} puts its result: {@code --out} as scalefit's JSON, Gemstones' parameter file, or a
 * one-row Parquet table when the file ends in {@code .parquet}; and the summary on standard output.
 *
 * @param out    the file, or null for none
 * @param format the JSON shape
 */
record FitOutput(Path out, DocumentFormat format) {

    FitOutput {
        if (parquet(out) && format != DocumentFormat.SCALEFIT) {
            throw new IllegalArgumentException("--format " + format + " is a JSON shape; --out " + out
                    + " writes Parquet");
        }
    }

    /** {@code out} names a {@code .parquet} file. */
    static boolean parquet(Path out) {
        return out != null && out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet");
    }

    /**
     * Writes {@code --out} from the result document ({@code text} is its scalefit form), prints its summary and
     * returns the exit code it calls for.
     */
    int finish(FitDocument document, String text) {
        if (parquet(out)) {
            FitResultParquet.write(out, document);
        } else if (out != null) {
            AtomicFiles.writeString(out, format == DocumentFormat.GEMSTONES ? FitResultJson.gemstones(document)
                    : text);
        }
        FitPrinter.print(document, System.out);
        if (document.status().equals("not_identified")) {
            System.err.println(Wording.notIdentified("scalefit fit"));
        }
        return ScalefitCommand.exitCode(document.status());
    }
}
