package dev.eventcontracts.maven.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a {@link GateReport} for CI: a JSON document and a JUnit XML file (one test case per subject) that
 * CI servers show as test results.
 */
public final class ReportWriter {

    /** File name of the JSON report. */
    public static final String JSON_FILE = "compatibility-report.json";
    /** File name of the JUnit XML report. */
    public static final String JUNIT_FILE = "TEST-contracts-compatibility.xml";

    private ReportWriter() {}

    /**
     * Writes both reports into a directory, creating it.
     *
     * @param report the report; never null
     * @param dir the directory; never null
     * @throws GateException when a file cannot be written
     */
    public static void write(GateReport report, Path dir) throws GateException {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(JSON_FILE), json(report));
            Files.writeString(dir.resolve(JUNIT_FILE), junit(report));
        } catch (IOException e) {
            throw new GateException("Cannot write the compatibility reports to " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Renders the JSON report.
     *
     * @param report the report; never null
     * @return the JSON text; never null
     */
    public static String json(GateReport report) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("goal", report.goal());
        root.put("against", report.against());
        root.put("compatible", report.isCompatible());
        root.put("violationCount", report.violationCount());
        ArrayNode subjects = root.putArray("subjects");
        for (SubjectOutcome s : report.subjects()) {
            ObjectNode n = subjects.addObject();
            n.put("subject", s.subject());
            n.put("schema", s.source());
            n.put("level", s.level().name());
            n.put("status", s.status().name());
            s.checkedAgainst().forEach(n.putArray("checkedAgainst")::add);
            s.notes().forEach(n.putArray("notes")::add);
            ArrayNode vs = n.putArray("violations");
            for (ReportedViolation v : s.violations()) {
                ObjectNode vn = vs.addObject();
                vn.put("rule", v.violation().rule().name());
                vn.put("direction", v.violation().direction().name());
                vn.put("oldVersion", v.violation().oldVersion());
                vn.put("oldVersionDescription", v.oldVersion());
                vn.put("field", v.fieldName());
                vn.put("fieldPath", v.violation().fieldPath());
                vn.put("jsonPointer", v.violation().jsonPointer());
                vn.put("message", v.violation().message());
                vn.put("fixHint", v.violation().fixHint());
            }
        }
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    /**
     * Renders the JUnit XML report: one test case per subject; a failed subject is a failure whose text lists
     * its violations, a new subject a skipped test.
     *
     * @param report the report; never null
     * @return the XML text; never null
     */
    public static String junit(GateReport report) {
        long skipped = report.subjects().stream()
                .filter(s -> s.status() == SubjectOutcome.Status.NEW_SUBJECT)
                .count();
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<testsuite name=\"contracts.")
                .append(xml(report.goal()))
                .append("\" tests=\"")
                .append(report.subjects().size())
                .append("\" failures=\"")
                .append(report.failedSubjects())
                .append("\" errors=\"0\" skipped=\"")
                .append(skipped)
                .append("\">\n");
        for (SubjectOutcome s : report.subjects()) {
            sb.append("  <testcase classname=\"contracts.")
                    .append(xml(report.goal()))
                    .append("\" name=\"")
                    .append(xml(s.subject() + " (" + s.level() + ")"))
                    .append("\"");
            if (s.status() == SubjectOutcome.Status.PASSED) {
                sb.append("/>\n");
                continue;
            }
            sb.append(">\n");
            if (s.status() == SubjectOutcome.Status.NEW_SUBJECT) {
                sb.append("    <skipped message=\"")
                        .append(xml(String.join("; ", s.notes())))
                        .append("\"/>\n");
            } else {
                StringBuilder text = new StringBuilder();
                for (ReportedViolation v : s.violations()) {
                    text.append(v.violation().rule())
                            .append(" against ")
                            .append(v.oldVersion())
                            .append(", field '")
                            .append(v.fieldName())
                            .append("' (")
                            .append(v.violation().fieldPath())
                            .append("): ")
                            .append(v.violation().message())
                            .append(" Fix: ")
                            .append(v.violation().fixHint())
                            .append('\n');
                }
                sb.append("    <failure type=\"")
                        .append(xml(s.violations().get(0).violation().rule().name()))
                        .append("\" message=\"")
                        .append(xml(s.violations().size() + " violation(s) at " + s.level()))
                        .append("\">")
                        .append(xml(text.toString()))
                        .append("</failure>\n");
            }
            sb.append("  </testcase>\n");
        }
        return sb.append("</testsuite>\n").toString();
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
