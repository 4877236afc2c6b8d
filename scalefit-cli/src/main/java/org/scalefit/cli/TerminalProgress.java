package org.scalefit.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.scalefit.fit.FitProgress;

/**
 * A progress bar on the terminal (standard error) for long work; silent when output is not a terminal, so logs
 * and pipes stay clean.
 */
final class TerminalProgress implements FitProgress, AutoCloseable {

    private final ProgressBar bar;

    private TerminalProgress(ProgressBar bar) {
        this.bar = bar;
    }

    /** A bar for {@code total} units named {@code task}, or a silent one if there is no terminal. */
    static TerminalProgress start(String task, long total) {
        if (System.console() == null) {
            return new TerminalProgress(null);
        }
        ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).continuousUpdate().build();
        return new TerminalProgress(bar);
    }

    @Override
    public void advance(long finished) {
        if (bar != null) {
            bar.stepBy(finished);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
