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

    /** Checks that {@code directory}, if not null, can be written (or replaced) as a directory of output files. */
    static void requireWritableDirectory(Path directory) {
        if (directory != null) {
            AtomicFiles.requireWritableDirectory(directory);
        }
    }
}
