package org.mentoring.people.importing;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.mentoring.common.InvalidInputException.FieldError;
import org.mentoring.people.input.MentorInput;
import org.mentoring.people.input.PeopleInputValidator;
import org.mentoring.people.input.RequestInput;
import org.mentoring.people.input.SlotInput;

/**
 * Reads mentors and requests from CSV: a header row naming the columns (any order, any case), then one record a
 * row. Columns are the JSON field names; list fields are separated by {@code ;} and availability is written
 * {@code TUE 14:00-16:00;THU 09:00-10:30}. A file whose header lacks a required column or names an unknown one, or
 * that is not valid CSV, is rejected as a whole; a row with the wrong number of values is rejected alone. A header
 * that names a column twice, or bytes that are not valid UTF-8 (or the charset the sender named), reject the file
 * too, naming the line.
 */
public final class CsvPeopleReader {

    /** Mentor columns, in the order a template lists them. */
    public static final List<String> MENTOR_COLUMNS = List.of("externalId", "name", "email", "institution",
            "country", "timeZone", "languages", "domains", "topics", "capacity", "availableFrom", "availableUntil",
            "weeklyAvailability");
    /** Request columns, in the order a template lists them. */
    public static final List<String> REQUEST_COLUMNS = List.of("externalId", "name", "email", "institution",
            "country", "timeZone", "careerStage", "languages", "domains", "goals", "startDate", "durationMonths",
            "minOverlapMinutes", "weeklyAvailability", "preferredMentorIds", "excludedMentorIds", "priority");

    /**
     * The request columns a file may have: {@link #REQUEST_COLUMNS} and {@code cycle}, the code of the cycle each
     * request belongs to (left out or empty: the cycle open for requests today).
     */
    public static final List<String> REQUEST_READ_COLUMNS = java.util.stream.Stream.concat(
            REQUEST_COLUMNS.stream(), java.util.stream.Stream.of("cycle")).toList();
    private static final Set<String> OPTIONAL_MENTOR_COLUMNS = Set.of("institution", "topics", "availableUntil");
    private static final Set<String> OPTIONAL_REQUEST_COLUMNS = Set.of("institution", "goals", "minOverlapMinutes",
            "preferredMentorIds", "excludedMentorIds", "priority", "cycle");
    private static final Pattern SLOT = Pattern.compile("\\s*(\\S+)\\s+([^\\s-]+)\\s*-\\s*(\\S+)\\s*");
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreHeaderCase(true)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .get();

    private CsvPeopleReader() {
    }

    /** The mentors of a CSV file; {@code fileName} names it in rejections (for example mentors.csv). */
    public static ImportBatch mentors(String content, String fileName) {
        List<ImportEntry<MentorInput>> entries = new ArrayList<>();
        List<Rejection> unreadable = read(content, fileName, "mentor", MENTOR_COLUMNS, OPTIONAL_MENTOR_COLUMNS,
                (row, line) -> {
                    List<FieldError> errors = new ArrayList<>();
                    MentorInput input = new MentorInput(row.text("externalId"), row.text("name"), row.text("email"),
                            row.text("institution"), row.text("country"), row.text("timeZone"),
                            row.list("languages"), row.list("domains"), row.list("topics"), row.text("capacity"),
                            row.text("availableFrom"), row.text("availableUntil"),
                            slots(row.text("weeklyAvailability"), errors));
                    entries.add(ImportEntry.csv(fileName, line, input, errors));
                });
        return new ImportBatch(entries, List.of(), unreadable);
    }

    /** The requests of a CSV file; {@code fileName} names it in rejections (for example requests.csv). */
    public static ImportBatch requests(String content, String fileName) {
        List<ImportEntry<RequestInput>> entries = new ArrayList<>();
        List<Rejection> unreadable = read(content, fileName, "request", REQUEST_READ_COLUMNS, OPTIONAL_REQUEST_COLUMNS,
                (row, line) -> {
                    List<FieldError> errors = new ArrayList<>();
                    RequestInput input = new RequestInput(row.text("externalId"), row.text("name"),
                            row.text("email"), row.text("institution"), row.text("country"), row.text("timeZone"),
                            row.text("careerStage"), row.list("languages"), row.list("domains"), row.list("goals"),
                            row.text("startDate"), row.text("durationMonths"), row.text("minOverlapMinutes"),
                            slots(row.text("weeklyAvailability"), errors), row.list("preferredMentorIds"),
                            row.list("excludedMentorIds"), row.text("priority"), row.text("cycle"));
                    entries.add(ImportEntry.csv(fileName, line, input, errors));
                });
        return new ImportBatch(List.of(), entries, unreadable);
    }

    /**
     * The mentors of a CSV file as sent, decoded with {@code charset} (UTF-8 unless the sender named another): bytes
     * that are not valid in it reject the file, naming the line, instead of becoming U+FFFD. A UTF-8 byte order mark
     * is skipped.
     */
    public static ImportBatch mentors(byte[] content, Charset charset, String fileName) {
        Decoded decoded = decode(content, charset, fileName, "mentor");
        return decoded.text() == null ? new ImportBatch(List.of(), List.of(), List.of(decoded.rejection()))
                : mentors(decoded.text(), fileName);
    }

    /** The requests of a CSV file as sent; see {@link #mentors(byte[], Charset, String)}. */
    public static ImportBatch requests(byte[] content, Charset charset, String fileName) {
        Decoded decoded = decode(content, charset, fileName, "request");
        return decoded.text() == null ? new ImportBatch(List.of(), List.of(), List.of(decoded.rejection()))
                : requests(decoded.text(), fileName);
    }

    /** A CSV header row for these columns. */
    public static String header(List<String> columns) {
        return String.join(",", columns);
    }

    private interface RowHandler {
        void accept(Row row, long line);
    }

    /** One CSV row by column name; a missing optional column reads as empty. */
    private record Row(CSVRecord record, Map<String, String> columnByLowerCase) {

        String text(String column) {
            String header = columnByLowerCase.get(column.toLowerCase(Locale.ROOT));
            if (header == null) {
                return null;
            }
            String value = record.get(header);
            return value == null || value.isBlank() ? null : value;
        }

        List<String> list(String column) {
            String value = text(column);
            if (value == null) {
                return List.of();
            }
            return Arrays.stream(value.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
    }

    private static List<Rejection> read(String content, String fileName, String kind, List<String> columns,
            Set<String> optional, RowHandler handler) {
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        LineIndex lines = new LineIndex(text);
        List<Rejection> rejections = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            Map<String, String> columnByLowerCase = new TreeMap<>();
            List<String> headerProblems = new ArrayList<>();
            Set<String> known = new LinkedHashSet<>();
            columns.forEach(column -> known.add(column.toLowerCase(Locale.ROOT)));
            Map<String, Integer> firstPosition = new TreeMap<>();
            List<String> headers = parser.getHeaderNames();
            for (int position = 1; position <= headers.size(); position++) {
                String header = headers.get(position - 1);
                String lower = header.toLowerCase(Locale.ROOT);
                Integer first = firstPosition.putIfAbsent(lower, position);
                if (first != null) {
                    headerProblems.add("column '" + PeopleInputValidator.shown(header) + "' twice (columns " + first
                            + " and " + position + ")");
                } else if (known.contains(lower)) {
                    columnByLowerCase.put(lower, header);
                } else {
                    headerProblems.add("unknown column '" + PeopleInputValidator.shown(header) + "'");
                }
            }
            for (String column : columns) {
                if (!optional.contains(column) && !columnByLowerCase.containsKey(column.toLowerCase(Locale.ROOT))) {
                    headerProblems.add("missing column '" + column + "'");
                }
            }
            if (!headerProblems.isEmpty()) {
                rejections.add(new Rejection(kind, null, fileName, fileName + " line 1",
                        "the header row has " + String.join(", ", headerProblems) + "; the columns are "
                        + String.join(",", columns) + " (" + String.join(", ", optional) + " may be left out)"));
                return rejections;
            }
            int width = parser.getHeaderNames().size();
            for (CSVRecord record : parser) {
                long line = lines.lineAt(record.getCharacterPosition());
                if (record.size() != width) {
                    String location = fileName + " line " + line;
                    rejections.add(new Rejection(kind, record.size() > 0 ? PeopleInputValidator.shown(record.get(0)) : null, location, location,
                            "the row has " + record.size() + " values where the header has " + width
                            + " columns (a value with a comma needs double quotes)"));
                    continue;
                }
                handler.accept(new Row(record, columnByLowerCase), line);
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            String reason = e instanceof UncheckedIOException && e.getCause() != null
                    ? e.getCause().getMessage() : e.getMessage();
            rejections.add(new Rejection(kind, null, fileName, fileName,
                    "the file is not valid CSV: " + reason));
        }
        return rejections;
    }

    /** The text of a file, or (text null) why it cannot be read in this charset, naming the line. */
    private record Decoded(String text, Rejection rejection) {
    }

    private static Decoded decode(byte[] content, Charset charset, String fileName, String kind) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content);
        CharBuffer out = CharBuffer.allocate((int) Math.ceil(content.length * (double) decoder.maxCharsPerByte()) + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        out.flip();
        if (!result.isError()) {
            return new Decoded(out.toString(), null);
        }
        String before = out.toString();
        long line = new LineIndex(before).lineAt(before.length());
        StringBuilder bytes = new StringBuilder();
        for (int i = 0; i < result.length() && in.position() + i < content.length; i++) {
            bytes.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "0x%02X", content[in.position() + i]));
        }
        String location = fileName + " line " + line;
        String hint = charset.equals(StandardCharsets.UTF_8) ? " (a spreadsheet's \"CSV UTF-8\")" : "";
        return new Decoded(null, new Rejection(kind, null, location, location, "the file is not valid "
                + charset.name() + " here (" + bytes + " at byte " + (in.position() + 1) + " of the file); save it as "
                + charset.name() + hint + " and send it again"));
    }

    private static List<SlotInput> slots(String text, List<FieldError> errors) {
        List<SlotInput> slots = new ArrayList<>();
        if (text == null) {
            return slots;
        }
        String[] parts = text.split(";");
        int index = 0;
        for (String part : parts) {
            if (part.isBlank()) {
                continue;
            }
            Matcher matcher = SLOT.matcher(part);
            if (matcher.matches()) {
                slots.add(new SlotInput(matcher.group(1), matcher.group(2), matcher.group(3)));
            } else {
                String field = "weeklyAvailability[" + index + "]";
                errors.add(new FieldError(field, field + " '" + PeopleInputValidator.shown(part.strip())
                        + "' is not written like 'TUE 14:00-16:00'"));
            }
            index++;
        }
        return slots;
    }

    /** Line numbers (from 1) of character positions in a text. */
    private static final class LineIndex {

        private final int[] lineStarts;

        LineIndex(String text) {
            List<Integer> starts = new ArrayList<>();
            starts.add(0);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                    starts.add(i + 1);
                }
            }
            lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
        }

        long lineAt(long position) {
            int index = Arrays.binarySearch(lineStarts, (int) position);
            return (index >= 0 ? index : -index - 2) + 1;
        }
    }
}
