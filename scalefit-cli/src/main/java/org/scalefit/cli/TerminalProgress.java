package org.scalefit.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.scalefit.fit.FitProgress;
import org.scalefit.io.ReadProgress;

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

    /**
     * Progress of reading tables: a bar named {@code task} for each read (in thousandths of the read), closed when
     * the read ends; nothing if there is no terminal.
     */
    static ReadProgress reading(String task) {
        return System.console() == null ? ReadProgress.NONE : new Reading(task);
    }

    /** One bar per read, started at its first report. */
    private static final class Reading implements ReadProgress {

        private static final long STEPS = 1000;
        private final String task;
        private TerminalProgress bar;
        private long shown;

        Reading(String task) {
            this.task = task;
        }

        @Override
        public synchronized void progressed(double fraction) {
            if (bar == null) {
                bar = start(task, STEPS);
                shown = 0;
            }
            long now = Math.round(fraction * STEPS);
            bar.advance(now - shown);
            shown = now;
        }

        @Override
        public synchronized void ended() {
            if (bar != null) {
                bar.close();
                bar = null;
            }
        }
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
