package org.scalefit.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path folder;

    private Stream<String> names() throws Exception {
        return Files.list(folder).map(path -> path.getFileName().toString()).sorted().toList().stream();
    }

    @Test
    void writeLeavesTheTargetAndNoTemporaryFile() throws Exception {
        AtomicFiles.writeString(folder.resolve("fit.json"), "{}\n");

        assertThat(Files.readString(folder.resolve("fit.json"))).isEqualTo("{}\n");
        assertThat(names()).containsExactly("fit.json");
    }

    @Test
    void temporaryLeftByAKilledWriterIsRemovedByTheNextWriteIntoTheFolder() throws Exception {
        Path leftover = folder.resolve(".fit.json.123456789" + AtomicFiles.TEMPORARY_SUFFIX);
        Files.writeString(leftover, "{\"partial");
        Files.setLastModifiedTime(leftover, FileTime.from(Instant.now().minusSeconds(3600)));

        AtomicFiles.writeString(folder.resolve("other.json"), "{}\n");

        assertThat(names()).containsExactly("other.json");
    }

    @Test
    void temporaryOfALiveWriterIsLeftAlone() throws Exception {
        Path locked = folder.resolve(".a.json.1" + AtomicFiles.TEMPORARY_SUFFIX);
        Path recent = folder.resolve(".b.json.2" + AtomicFiles.TEMPORARY_SUFFIX);
        Files.writeString(locked, "{");
        Files.setLastModifiedTime(locked, FileTime.from(Instant.now().minusSeconds(3600)));
        Files.writeString(recent, "{");
        try (FileChannel channel = FileChannel.open(locked, StandardOpenOption.WRITE);
             FileLock lock = channel.lock()) {
            AtomicFiles.writeString(folder.resolve("c.json"), "{}\n");
        }

        assertThat(names()).containsExactly(locked.getFileName().toString(), recent.getFileName().toString(),
                "c.json");
    }

    @Test
    void aWrittenFileHasThePermissionsOfAnyNewFileThere() throws Exception {
        Path reference = Files.createFile(folder.resolve("reference"));
        Path out = folder.resolve("fit.json");

        AtomicFiles.writeString(out, "{}");

        assertThat(Files.getPosixFilePermissions(out)).isEqualTo(Files.getPosixFilePermissions(reference))
                .contains(java.nio.file.attribute.PosixFilePermission.OWNER_READ);
    }
}
