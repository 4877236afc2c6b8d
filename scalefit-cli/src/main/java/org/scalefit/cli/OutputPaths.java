package org.scalefit.cli;

import java.nio.file.Path;
import org.scalefit.io.AtomicFiles;

/**
 * The first step of every command that writes: its output paths checked before any computation, so that a long fit
 * cannot end in "Is a directory" or "Permission denied". A failure is an I/O failure (exit code 1, see
 * {@link Failures}) whose message names the path and gives the operating system's reason.
 */
final class OutputPaths {

    private OutputPaths() {
    }

    /** Checks that each non-null {@code files} can be written as a file. */
    static void requireWritableFiles(Path... files) {
        for (Path file : files) {
            if (file != null) {
                AtomicFiles.requireWritableFile(file);
            }
        }
    }

    /**
     * Refuses an output {@code file} whose name ends in the extension of another format than the one the command
     * writes ({@code refused}, e.g. {@code .json} for a CSV): it would be read back as that format. Other names
     * (no extension, {@code .txt}, …) are the user's choice.
     *
     * @throws IllegalArgumentException naming the file, the format written and the option
     */
    static void requireNotNamedAs(Path file, String option, String written, String... refused) {
        if (file == null || file.getFileName() == null) {
            return;
        }
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        for (String extension : refused) {
            if (name.endsWith(extension)) {
                throw new IllegalArgumentException(option + " " + file + ": this command writes " + written
                        + ", not the format its name ends in (" + extension + "); name the file for what it holds");
            }
        }
    }

    /** Checks that {@code directory}, if not null, can be written (or replaced) as a directory of output files. */
    static void requireWritableDirectory(Path directory) {
        if (directory != null) {
            AtomicFiles.requireWritableDirectory(directory);
        }
    }
}
