package dev.eventcontracts.demo;

import dev.eventcontracts.consumer.ConsumerCommand;
import dev.eventcontracts.consumer.ConsumerSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** Runs the order-processing service's command as users run it: in this JVM, or as a process of its own. */
final class ServiceCommand {

    /** What a command run in this JVM printed and returned. */
    record Run(int exitCode, String out, String err, long millis) {}

    private ServiceCommand() {}

    /** Runs the command with these arguments in this JVM. */
    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new ConsumerCommand());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        long start = System.nanoTime();
        int exit = command.execute(args);
        return new Run(exit, out.toString(), err.toString(), (System.nanoTime() - start) / 1_000_000);
    }

    /** The arguments that connect a command to the settings' Kafka and registry. */
    static List<String> connection(ConsumerSettings settings) {
        return List.of(
                "--bootstrap-servers",
                settings.bootstrapServers(),
                "--schema-registry-url",
                settings.schemaRegistryUrl());
    }

    /** The arguments that point a command at the settings' read model (password included). */
    static List<String> database(ConsumerSettings settings) {
        return List.of(
                "--jdbc-url",
                settings.jdbcUrl(),
                "--jdbc-user",
                settings.jdbcUser(),
                "--jdbc-password=" + settings.jdbcPassword());
    }

    /**
     * Starts the command as a process of its own, standard output and error into {@code log}.
     *
     * @param args its arguments
     * @param environment extra environment variables
     */
    static Process start(List<String> args, Map<String, String> environment, Path log) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                classpath,
                ConsumerCommand.class.getName()));
        command.addAll(args);
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        return builder.start();
    }
}
