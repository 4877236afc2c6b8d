package org.scalefit.spark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.Property;

/**
 * For a test that makes a Spark task fail on purpose: turns off the loggers through which Spark reports a failed
 * task (at ERROR, with the task's stack trace), restores them on {@link #close()}, and records every ERROR event any
 * other logger emits meanwhile (so a test can check that nothing reached the build log).
 */
final class SparkTaskFailureLogs implements AutoCloseable {

    /** Spark's loggers of a failed task: the executor ("Exception in task"), the task set ("aborting job"). */
    private static final List<String> TASK_FAILURE_LOGGERS = List.of(
            "org.apache.spark.executor.Executor", "org.apache.spark.scheduler.TaskSetManager");

    private final Map<String, Level> previous = new TreeMap<>();
    private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    private final AbstractAppender recorder;

    private SparkTaskFailureLogs() {
        LoggerContext context = LoggerContext.getContext(false);
        for (String name : TASK_FAILURE_LOGGERS) {
            previous.put(name, context.getLogger(name).getLevel());
        }
        Configurator.setLevel(TASK_FAILURE_LOGGERS.stream().collect(
                java.util.stream.Collectors.toMap(name -> name, name -> Level.OFF)));
        recorder = new AbstractAppender("scalefit-test-errors", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                if (event.getLevel().isMoreSpecificThan(Level.ERROR)) {
                    errors.add(event.getLoggerName() + ": " + event.getMessage().getFormattedMessage());
                }
            }
        };
        recorder.start();
        context.getConfiguration().getRootLogger().addAppender(recorder, Level.ALL, null);
        context.updateLoggers();
    }

    static SparkTaskFailureLogs silenced() {
        return new SparkTaskFailureLogs();
    }

    /** The ERROR events logged since {@link #silenced()}, as "logger: message". */
    List<String> errorsLogged() {
        synchronized (errors) {
            return List.copyOf(errors);
        }
    }

    @Override
    public void close() {
        LoggerContext context = LoggerContext.getContext(false);
        context.getConfiguration().getRootLogger().removeAppender(recorder.getName());
        recorder.stop();
        Configurator.setLevel(previous);
        context.updateLoggers();
    }
}
