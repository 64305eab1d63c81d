package io.wearflow.infra.e2e.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.layout.PatternLayout;

/**
 * Everything the JVM logs through log4j2 while it is open, at the levels of the production log file
 * ({@code log4j2.xml}: every library at INFO) and wearflow's own code at DEBUG, formatted as the
 * file would hold it (message and stack traces). The console keeps showing only warnings. Used to
 * prove that no secret of a test reaches the logs of a real stack running in this JVM.
 */
final class CapturedLog implements AutoCloseable {

  private static final String NAME = "captured-for-secrets-check";
  private static final String WEARFLOW = "io.wearflow";

  private final LoggerContext context;
  private final Queue<String> lines = new ConcurrentLinkedQueue<>();
  private final Appender appender;
  private final Level rootLevel;
  private final Level wearflowLevel;
  private final List<Appender> rootAppenders = new ArrayList<>();

  private CapturedLog() {
    context = (LoggerContext) LogManager.getContext(false);
    Configuration config = context.getConfiguration();
    PatternLayout layout =
        PatternLayout.newBuilder()
            .withConfiguration(config)
            .withPattern("%d{ISO8601} %-5level [%t] %c - %msg%n%throwable")
            .build();
    appender =
        new AbstractAppender(NAME, null, layout, true, Property.EMPTY_ARRAY) {
          @Override
          public void append(LogEvent event) {
            lines.add(getLayout().toSerializable(event).toString());
          }
        };
    appender.start();
    config.addAppender(appender);
    LoggerConfig root = config.getRootLogger();
    rootLevel = root.getLevel();
    for (Map.Entry<String, Appender> existing : root.getAppenders().entrySet()) {
      rootAppenders.add(existing.getValue());
      root.removeAppender(existing.getKey());
      root.addAppender(existing.getValue(), Level.WARN, null);
    }
    root.addAppender(appender, null, null);
    root.setLevel(Level.INFO);
    LoggerConfig wearflow = config.getLoggerConfig(WEARFLOW);
    wearflowLevel = WEARFLOW.equals(wearflow.getName()) ? wearflow.getLevel() : null;
    if (wearflowLevel != null) {
      wearflow.setLevel(Level.DEBUG);
    }
    context.updateLoggers();
  }

  /** Starts capturing. */
  static CapturedLog start() {
    return new CapturedLog();
  }

  /** What was logged so far. */
  String text() {
    return String.join("", lines);
  }

  int lineCount() {
    return lines.size();
  }

  @Override
  public void close() {
    Configuration config = context.getConfiguration();
    LoggerConfig root = config.getRootLogger();
    root.removeAppender(NAME);
    for (Appender existing : rootAppenders) {
      root.removeAppender(existing.getName());
      root.addAppender(existing, null, null);
    }
    root.setLevel(rootLevel);
    if (wearflowLevel != null) {
      config.getLoggerConfig(WEARFLOW).setLevel(wearflowLevel);
    }
    context.updateLoggers();
    appender.stop();
  }
}
