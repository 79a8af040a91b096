package dev.eventcontracts.cli;

import picocli.CommandLine;

/**
 * Runs a picocli command from a {@code main} method: picks the command's own log configuration (unless the user
 * gave one), runs the command and exits with its code.
 *
 * <p>Why the log configuration is picked by name: a jar that others may embed must not ship a {@code log4j2.xml}
 * (it would configure whoever embeds it), so each command ships its configuration under its own name and selects it
 * here, before anything creates a logger.
 *
 * @since 0.1.0
 */
public final class Launcher {

    /** The system property Log4j 2 reads its configuration file from. */
    public static final String LOG_CONFIGURATION_PROPERTY = "log4j2.configurationFile";

    private Launcher() {}

    /**
     * Runs a command and exits the JVM with its exit code.
     *
     * @param logConfiguration the class-path resource with the command's Log4j 2 configuration; never null
     * @param command the picocli command; never null
     * @param args the command-line arguments; never null
     */
    public static void run(String logConfiguration, Object command, String[] args) {
        System.exit(execute(logConfiguration, command, args));
    }

    /**
     * Runs a command and returns its exit code.
     *
     * @param logConfiguration the class-path resource with the command's Log4j 2 configuration; never null
     * @param command the picocli command; never null
     * @param args the command-line arguments; never null
     * @return the command's exit code
     */
    public static int execute(String logConfiguration, Object command, String[] args) {
        if (System.getProperty(LOG_CONFIGURATION_PROPERTY) == null) {
            System.setProperty(LOG_CONFIGURATION_PROPERTY, logConfiguration);
        }
        return new CommandLine(command).execute(args);
    }
}
