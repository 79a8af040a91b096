package dev.eventcontracts.server.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Load from {@code wrk}: 2 threads, 16 keep-alive connections, latency distribution. */
final class Wrk implements RegistryLoadBenchmark.Load {

    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");

    private final boolean verbose = Boolean.getBoolean("bench.verbose");

    static boolean available() {
        try {
            return new ProcessBuilder("wrk", "--version")
                            .redirectErrorStream(true)
                            .start()
                            .waitFor()
                    >= 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public String name() {
        return "wrk -t2 -c16 (HTTP/1.1 keep-alive)";
    }

    @Override
    public RegistryLoadBenchmark.Result get(String url, int seconds) throws Exception {
        return run(url, seconds, null);
    }

    @Override
    public RegistryLoadBenchmark.Result post(String url, String body, int seconds) throws Exception {
        String script = "wrk.method = \"POST\"\nwrk.headers[\"Content-Type\"] = "
                + "\"application/vnd.schemaregistry.v1+json\"\nwrk.body = [==[" + body + "]==]\n";
        return run(url, seconds, RegistryLoadBenchmark.tempFile("wrk-post", script));
    }

    @Override
    public RegistryLoadBenchmark.Result postUnique(String url, int seconds) throws Exception {
        String script = """
                local counter = 0
                local threads = 0
                function setup(thread)
                  thread:set("tid", threads)
                  threads = threads + 1
                end
                function init(args)
                  counter = 0
                end
                function request()
                  counter = counter + 1
                  local body = '{"schema":"{\\\\"type\\\\":\\\\"record\\\\",\\\\"name\\\\":\\\\"N' .. tid .. '_' .. counter
                    .. '\\\\",\\\\"fields\\\\":[{\\\\"name\\\\":\\\\"a\\\\",\\\\"type\\\\":\\\\"string\\\\"}]}"}'
                  return wrk.format("POST", nil, {["Content-Type"] = "application/vnd.schemaregistry.v1+json"}, body)
                end
                """;
        return run(url, seconds, RegistryLoadBenchmark.tempFile("wrk-unique", script));
    }

    private RegistryLoadBenchmark.Result run(String url, int seconds, Path script) throws Exception {
        List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c16", "-d" + seconds + "s", "--latency"));
        if (script != null) {
            command.add("-s");
            command.add(script.toString());
        }
        command.add(url);
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        wrk.waitFor();
        if (verbose) {
            System.out.println(output);
        }
        Matcher rps = RPS.matcher(output);
        if (!rps.find()) {
            throw new IllegalStateException("unexpected wrk output:\n" + output);
        }
        Matcher errors = NON_2XX.matcher(output);
        return new RegistryLoadBenchmark.Result(
                Double.parseDouble(rps.group(1)),
                percentile(output, "50%"),
                percentile(output, "99%"),
                errors.find() ? Long.parseLong(errors.group(1)) : 0);
    }

    private static double percentile(String output, String label) {
        Matcher m = Pattern.compile("\\s" + Pattern.quote(label) + "\\s+([0-9.]+)(us|ms|s)")
                .matcher(output);
        if (!m.find()) {
            return Double.NaN;
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }
}
