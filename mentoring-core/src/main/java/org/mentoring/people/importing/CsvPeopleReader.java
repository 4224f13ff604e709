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
 * row. Columns are the JSON field names; list fields are separated by {@code ;} (or {@code |}) and availability is
 * written {@code TUE 14:00-16:00;THU 09:00-10:30}. Values are separated by commas, or by semicolons or tabs when the
 * header row is (a spreadsheet saving CSV with French, Portuguese or Spanish settings writes semicolons; lists are
 * then written with {@code |}). A column {@value #REJECTED_BECAUSE} (which a file of rejected rows carries) is
 * ignored. A file whose header lacks a required column or names an unknown one, or
 * that is not valid CSV, is rejected as a whole; a row with the wrong number of values is rejected alone. A header
 * that names a column twice, or bytes that are not valid UTF-8 (or the charset the sender named), reject the file
 * too, naming the line.
 */
public final class CsvPeopleReader {

    /** Mentor columns, in the order a template lists them. */
    public static final List<String> MENTOR_COLUMNS = List.of("externalId", "name", "email", "institution",
            "country", "timeZone", "languages", "domains", "topics", "capacity", "availableFrom", "availableUntil",
            "weeklyAvailability", "circles");
    /** Request columns, in the order a template lists them. */
    public static final List<String> REQUEST_COLUMNS = List.of("externalId", "name", "email", "institution",
            "country", "timeZone", "careerStage", "languages", "domains", "goals", "startDate", "durationMonths",
            "minOverlapMinutes", "weeklyAvailability", "preferredMentorIds", "excludedMentorIds", "priority", "format");

    /**
     * The request columns a file may have: {@link #REQUEST_COLUMNS} and {@code cycle}, the code of the cycle each
     * request belongs to (left out or empty: the cycle open for requests today).
     */
    public static final List<String> REQUEST_READ_COLUMNS = java.util.stream.Stream.concat(
            REQUEST_COLUMNS.stream(), java.util.stream.Stream.of("cycle")).toList();
    private static final Set<String> OPTIONAL_MENTOR_COLUMNS = Set.of("institution", "topics", "availableUntil",
            "circles");
    private static final Set<String> OPTIONAL_REQUEST_COLUMNS = Set.of("institution", "goals", "minOverlapMinutes",
            "preferredMentorIds", "excludedMentorIds", "priority", "cycle", "format");
    /** The column a file of rejected rows adds, with the reasons; ignored when the file is imported again. */
    public static final String REJECTED_BECAUSE = "rejectedBecause";
    /** What separates the items of a list (and the slots of an availability) in a cell. */
    private static final Pattern LIST_SEPARATOR = Pattern.compile("[;|]");
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

    /** The columns of the mentors file (or of the requests file) that may be left out. */
    public static Set<String> optionalColumns(boolean mentors) {
        return mentors ? OPTIONAL_MENTOR_COLUMNS : OPTIONAL_REQUEST_COLUMNS;
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
                            slots(row.text("weeklyAvailability"), errors), row.text("circles"));
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
                            row.list("excludedMentorIds"), row.text("priority"), row.text("cycle"),
                            row.text("format"));
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
            return Arrays.stream(LIST_SEPARATOR.split(value)).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
    }

    private static List<Rejection> read(String content, String fileName, String kind, List<String> columns,
            Set<String> optional, RowHandler handler) {
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        LineIndex lines = new LineIndex(text);
        List<Rejection> rejections = new ArrayList<>();
        char delimiter = delimiter(text);
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format(delimiter))) {
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
                } else if (lower.equals(REJECTED_BECAUSE.toLowerCase(Locale.ROOT))) {
                    continue; // the reasons of a file of rejected rows, sent again once fixed
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
                long line = lines.lineAt(firstCharacter(text, record.getCharacterPosition()));
                if (record.size() != width) {
                    String location = fileName + " line " + line;
                    rejections.add(new Rejection(kind, record.size() > 0 ? PeopleInputValidator.shown(record.get(0)) : null, location, location,
                            "the row has " + record.size() + " values where the header has " + width
                            + " columns (a value with a " + (delimiter == ',' ? "comma" : delimiter == ';'
                            ? "semicolon" : "tab") + " needs double quotes)"));
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

    /**
     * What separates the values of a file: the one of comma, semicolon and tab that its header row (outside double
     * quotes) has most of; a comma when it has none.
     */
    static char delimiter(String text) {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = text.startsWith("\uFEFF") ? 1 : 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            } else if (!quoted && c == '\t') {
                tabs++;
            }
        }
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        return tabs > commas ? '\t' : ',';
    }

    private static CSVFormat format(char delimiter) {
        return delimiter == ',' ? FORMAT : FORMAT.builder().setDelimiter(delimiter).get();
    }

    /**
     * The rows of a file that an import rejected, as a file to fix and send again: its header row with a last column
     * {@value #REJECTED_BECAUSE}, then each rejected row as it was with its reasons, in the file's own delimiter, with
     * a UTF-8 byte order mark and CRLF line ends as spreadsheets write them.
     *
     * @param reasonsByLine the reasons of each rejected row, by its line in the file
     */
    public static String rejectedRows(String content, Map<Long, String> reasonsByLine) {
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        LineIndex lines = new LineIndex(text);
        char delimiter = delimiter(text);
        StringBuilder out = new StringBuilder("\uFEFF");
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format(delimiter))) {
            List<String> headers = new ArrayList<>(parser.getHeaderNames());
            int reasonColumn = -1;
            for (int i = 0; i < headers.size(); i++) {
                if (headers.get(i).equalsIgnoreCase(REJECTED_BECAUSE)) {
                    reasonColumn = i;
                }
            }
            if (reasonColumn < 0) {
                headers.add(REJECTED_BECAUSE);
            }
            org.apache.commons.csv.CSVPrinter printer = new org.apache.commons.csv.CSVPrinter(out,
                    CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setRecordSeparator("\r\n").get());
            printer.printRecord(headers);
            for (CSVRecord record : parser) {
                String reasons = reasonsByLine.get(lines.lineAt(firstCharacter(text, record.getCharacterPosition())));
                if (reasons == null) {
                    continue;
                }
                List<String> values = new ArrayList<>(record.toList());
                if (reasonColumn >= 0 && reasonColumn < values.size()) {
                    values.set(reasonColumn, reasons);
                } else {
                    values.add(reasons);
                }
                printer.printRecord(values);
            }
            printer.flush();
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new IllegalArgumentException("the file cannot be read again: " + e.getMessage(), e);
        }
        return out.toString();
    }

    /** A template for a file of mentors or requests: its header row and one example row, as a spreadsheet saves. */
    public static String template(List<String> columns, Map<String, String> example) {
        StringBuilder out = new StringBuilder("\uFEFF");
        try {
            org.apache.commons.csv.CSVPrinter printer = new org.apache.commons.csv.CSVPrinter(out,
                    CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get());
            printer.printRecord(columns);
            printer.printRecord(columns.stream().map(column -> example.getOrDefault(column, "")).toList());
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
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
        String[] parts = LIST_SEPARATOR.split(text);
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

    /**
     * Where a record really begins: the parser gives the position where it began to read it, before the empty lines
     * it skipped.
     */
    private static long firstCharacter(String text, long position) {
        int at = (int) position;
        while (at < text.length() && (text.charAt(at) == '\n' || text.charAt(at) == '\r')) {
            at++;
        }
        return at;
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
