package org.scalefit.spark;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * A {@code --data} URI ({@code hdfs://…}, {@code s3a://…}, {@code file://…}: any file system Hadoop's configuration
 * knows) copied to a fresh local temporary folder under its own file name, so that the format the readers take from
 * the extension is kept. The copy is removed when the JVM exits.
 */
final class HadoopLocalCopy {

    /** {@code scheme://}: a URI, unlike a local path or a bundled dataset id ({@code gemstones:hot}). */
    private static final Pattern URI_PREFIX = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.*");

    private HadoopLocalCopy() {
    }

    /** The local path to read {@code data} from: {@code data} itself unless it is a URI, else a copy's path. */
    static String of(String data, Configuration hadoop) {
        if (!URI_PREFIX.matcher(data).matches()) {
            return data;
        }
        URI uri = URI.create(data);
        String name = new org.apache.hadoop.fs.Path(uri).getName();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("--data " + data + " names no file");
        }
        try {
            File folder = Files.createTempDirectory("scalefit-data-").toFile();
            folder.deleteOnExit();
            File copy = new File(folder, name);
            copy.deleteOnExit();
            FileSystem.get(uri, hadoop).copyToLocalFile(false, new org.apache.hadoop.fs.Path(uri),
                    new org.apache.hadoop.fs.Path(copy.toURI()), true);
            return copy.getPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + data + " to this machine: " + e.getMessage(), e);
        }
    }
}
