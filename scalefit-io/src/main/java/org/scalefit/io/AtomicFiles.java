package org.scalefit.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Writes output files so that a reader never sees a partial one: the bytes go to a hidden temporary file in the same
 * folder, {@code .<name>.<random>.scalefit-tmp}, are forced to disk, and the file is renamed over the target. If
 * anything fails, the temporary file is removed and the target is left as it was. The file gets the permissions of
 * any new file in that folder (the umask's: 0644 under umask 022).
 *
 * <p>Interrupted writes: a process stopped by a signal that runs shutdown hooks (SIGTERM, SIGINT) while writing
 * removes its temporary file on the way out. One killed outright (SIGKILL, a crash) may leave it behind — hidden, and
 * never at the target's name; every later write into the same folder removes such leftovers. A writer holds a lock
 * on its temporary file until it has been renamed, so only files that no live process holds, and that are older than
 * {@value #STALE_SECONDS} s, are removed.
 */
public final class AtomicFiles {

    /** The name ending of temporary files, which marks them as this class's. */
    public static final String TEMPORARY_SUFFIX = ".scalefit-tmp";

    private static final long STALE_SECONDS = 10;

    private AtomicFiles() {
    }

    /** Replaces {@code target} with {@code text} (UTF-8), all at once. */
    public static void writeString(Path target, String text) {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        Path temporary = null;
        Thread removeOnExit = null;
        try {
            Files.createDirectories(folder);
            removeStaleTemporaries(folder, Instant.now());
            // createFile, not createTempFile (mode 0600): the result gets the permissions any new file gets here
            // (0644 under the usual umask 022), like the Parquet and report files, so colleagues can read it
            temporary = Files.createFile(folder.resolve("." + absolute.getFileName() + "." + UUID.randomUUID()
                    + TEMPORARY_SUFFIX));
            removeOnExit = removalOnExit(temporary);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
                try {
                    Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            temporary = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + reason(e), e);
        } finally {
            if (temporary != null) {
                deleteQuietly(temporary);
            }
            if (removeOnExit != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(removeOnExit);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running or has run; it only deletes a file that no longer matters
                }
            }
        }
    }

    /**
     * Checks, before any work is done, that {@link #writeString} (or another writer that creates {@code target} in
     * its folder) can write {@code target}: it is not a directory, is writable if it exists, and its folder — or the
     * nearest existing folder above it, the folders between being created on writing — is a directory in which a file
     * can be created (tried, with a hidden file removed at once).
     *
     * @throws UncheckedIOException if not, with the operating system's reason, e.g. {@code cannot write out: Is a
     *     directory}
     */
    public static void requireWritableFile(Path target) {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            throw unwritable(target, "Is a directory");
        }
        if (Files.exists(absolute) && !Files.isWritable(absolute)) {
            throw unwritable(target, "Permission denied");
        }
        requireCreatableIn(target, absolute.getParent());
    }

    /**
     * Checks, before any work is done, that a directory of output files can be written at {@code target} (by
     * {@link #replaceDirectory}, or by writing files into it): it is a directory if it exists, files can be created
     * in it then, and in the folder that holds it (the nearest existing one).
     *
     * @throws UncheckedIOException if not, with the operating system's reason
     */
    public static void requireWritableDirectory(Path target) {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw unwritable(target, "Not a directory");
        }
        if (Files.isDirectory(absolute)) {
            requireCreatableIn(target, absolute);
        }
        if (absolute.getParent() != null) {
            requireCreatableIn(target, absolute.getParent());
        }
    }

    private static void requireCreatableIn(Path target, Path folder) {
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            throw unwritable(target, "No such file or directory");
        }
        if (!Files.isDirectory(existing)) {
            throw unwritable(target, existing + " is not a directory");
        }
        Path probe = existing.resolve("." + UUID.randomUUID() + TEMPORARY_SUFFIX);
        try {
            Files.createFile(probe);
            Files.delete(probe);
        } catch (IOException e) {
            deleteQuietly(probe);
            throw unwritable(target, (existing.equals(folder) ? "" : "in " + existing + ": ") + reason(e));
        }
    }

    private static UncheckedIOException unwritable(Path target, String reason) {
        return new UncheckedIOException("cannot write " + target + ": " + reason, new IOException(reason));
    }

    /**
     * The operating system's reason for {@code e} in its own words ({@code Permission denied}, {@code Read-only file
     * system}, …): Java's file-system exceptions often carry only the file name.
     */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof NotDirectoryException) {
            return "Not a directory";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "Directory not empty";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return String.valueOf(e.getMessage());
    }

    /**
     * Removes temporary files in {@code folder} left by writers that died: older than {@value #STALE_SECONDS} s at
     * {@code now} and not locked by a live writer. Best effort: a file that cannot be examined is left alone.
     */
    static void removeStaleTemporaries(Path folder, Instant now) {
        Instant staleBefore = now.minus(Duration.ofSeconds(STALE_SECONDS));
        try (DirectoryStream<Path> candidates = Files.newDirectoryStream(folder, ".*" + TEMPORARY_SUFFIX)) {
            for (Path candidate : candidates) {
                try {
                    if (!Files.getLastModifiedTime(candidate).toInstant().isBefore(staleBefore)) {
                        continue;
                    }
                    try (FileChannel channel = FileChannel.open(candidate, StandardOpenOption.WRITE);
                         FileLock lock = channel.tryLock()) {
                        if (lock != null) {
                            Files.deleteIfExists(candidate);
                        }
                    } catch (OverlappingFileLockException heldInThisProcess) {
                        // a live writer of this process
                    }
                } catch (IOException unexaminable) {
                    // gone meanwhile, or not ours to remove
                }
            }
        } catch (IOException unreadableFolder) {
            // writing the target will report the folder's problem
        }
    }

    /** What {@link #replaceDirectory} puts in the new directory. */
    @FunctionalInterface
    public interface DirectoryContents {
        /** Writes the contents into {@code directory}, which exists and is empty. */
        void writeInto(Path directory) throws IOException;
    }

    /**
     * Replaces the directory {@code target} with one that {@code contents} fills: the contents are written into a
     * hidden staging directory next to it, which is then renamed to {@code target} (the old directory, if any, being
     * renamed out of the way first and deleted after). If writing fails, the staging directory is removed and the
     * old directory is left as it was.
     */
    public static void replaceDirectory(Path target, DirectoryContents contents) {
        Path absolute = target.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        String name = absolute.getFileName().toString();
        Path staging = null;
        try {
            Files.createDirectories(parent);
            staging = Files.createDirectory(parent.resolve("." + name + ".tmp-" + UUID.randomUUID()));
            contents.writeInto(staging);
            Path old = null;
            if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
                old = parent.resolve("." + name + ".old-" + UUID.randomUUID());
                Files.move(absolute, old, StandardCopyOption.ATOMIC_MOVE);
            }
            try {
                Files.move(staging, absolute, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                if (old != null) {
                    Files.move(old, absolute, StandardCopyOption.ATOMIC_MOVE);
                }
                throw e;
            }
            staging = null;
            if (old != null) {
                deleteTree(old);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + reason(e), e);
        } finally {
            if (staging != null) {
                try {
                    deleteTree(staging);
                } catch (IOException ignored) {
                    // the original failure is what the caller needs to see
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** A shutdown hook removing {@code temporary}, registered; {@code null} if the JVM is already shutting down. */
    private static Thread removalOnExit(Path temporary) {
        Thread hook = new Thread(() -> deleteQuietly(temporary), "remove " + temporary.getFileName());
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            return hook;
        } catch (IllegalStateException shuttingDown) {
            return null;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the original failure is what the caller needs to see
        }
    }
}
