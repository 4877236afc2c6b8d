package org.scalefit.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The scalefit version recorded in every result document's provenance, stamped by the build. */
public final class ScalefitVersion {

    private ScalefitVersion() {
    }

    /** The version of this build ({@code unknown} if the build did not stamp it). */
    public static String current() {
        Properties properties = new Properties();
        try (InputStream in = ScalefitVersion.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return properties.getProperty("version", "unknown");
    }
}
