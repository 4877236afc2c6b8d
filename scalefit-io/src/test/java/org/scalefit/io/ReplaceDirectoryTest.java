package org.scalefit.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplaceDirectoryTest {

    @TempDir
    Path folder;

    @Test
    void theNewContentsReplaceTheOldDirectoryWhole() throws IOException {
        Path target = folder.resolve("report");
        AtomicFiles.replaceDirectory(target, dir -> {
            Files.writeString(dir.resolve("index.html"), "old");
            Files.writeString(dir.resolve("stale.png"), "x");
        });

        AtomicFiles.replaceDirectory(target, dir -> Files.writeString(dir.resolve("index.html"), "new"));

        try (Stream<Path> files = Files.list(target)) {
            assertThat(files).containsExactly(target.resolve("index.html"));
        }
        assertThat(Files.readString(target.resolve("index.html"))).isEqualTo("new");
        try (Stream<Path> siblings = Files.list(folder)) {
            assertThat(siblings).containsExactly(target);
        }
    }

    @Test
    void aFailedWriteLeavesTheOldDirectoryAndNoPartialOne() throws IOException {
        Path target = folder.resolve("report");
        AtomicFiles.replaceDirectory(target, dir -> Files.writeString(dir.resolve("index.html"), "old"));

        assertThatThrownBy(() -> AtomicFiles.replaceDirectory(target, dir -> {
            Files.writeString(dir.resolve("index.html"), "half");
            throw new IOException("disk full");
        })).isInstanceOf(UncheckedIOException.class).hasMessageContaining("disk full");

        assertThat(Files.readString(target.resolve("index.html"))).isEqualTo("old");
        try (Stream<Path> siblings = Files.list(folder)) {
            assertThat(siblings).containsExactly(target);
        }
    }
}
