package org.mentoring.people.importing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Files of mentors and requests as spreadsheets save them: CSV (see {@link CsvPeopleReader}) or an Excel workbook
 * ({@code .xlsx}) whose first sheet has the same columns. A workbook is read as a stream of rows, never whole into
 * memory, and its rows become CSV lines with the same numbers, so a rejection names the row a person sees
 * ({@code mentors.xlsx line 5} is row 5). Dates are read as ISO dates, whole numbers without decimals.
 */
public final class SpreadsheetFiles {

    /** The Content-Type of an Excel workbook. */
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** The most rows and columns a workbook's sheet may have. */
    static final int MAX_ROWS = 200_000;
    static final int MAX_COLUMNS = 200;

    static {
        // an upload is at most 20 MB; no part of an honest workbook of people inflates beyond this
        ZipSecureFile.setMaxEntrySize(256L * 1024 * 1024);
    }

    private SpreadsheetFiles() {
    }

    /** Whether a file is an Excel workbook: named {@code .xlsx}, or a ZIP archive (which no CSV file is). */
    public static boolean isWorkbook(String fileName, byte[] content) {
        boolean zip = content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3
                && content[3] == 4;
        return zip || (fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx"));
    }

    /** The mentors of an uploaded file, CSV (UTF-8) or workbook. */
    public static ImportBatch mentors(byte[] content, String fileName) {
        if (!isWorkbook(fileName, content)) {
            return CsvPeopleReader.mentors(content, StandardCharsets.UTF_8, fileName);
        }
        Text text = text(content, fileName, "mentor");
        return text.csv() == null ? new ImportBatch(List.of(), List.of(), List.of(text.rejection()))
                : CsvPeopleReader.mentors(text.csv(), fileName);
    }

    /** The requests of an uploaded file, CSV (UTF-8) or workbook. */
    public static ImportBatch requests(byte[] content, String fileName) {
        if (!isWorkbook(fileName, content)) {
            return CsvPeopleReader.requests(content, StandardCharsets.UTF_8, fileName);
        }
        Text text = text(content, fileName, "request");
        return text.csv() == null ? new ImportBatch(List.of(), List.of(), List.of(text.rejection()))
                : CsvPeopleReader.requests(text.csv(), fileName);
    }

    /**
     * The rows of an uploaded file that an import rejected, as a CSV file to fix and send again (see
     * {@link CsvPeopleReader#rejectedRows}); a workbook's rows come back as CSV too, which every spreadsheet opens.
     */
    public static String rejectedRows(byte[] content, String fileName, Map<Long, String> reasonsByLine) {
        String csv = isWorkbook(fileName, content) ? text(content, fileName, "record").csv()
                : new String(content, StandardCharsets.UTF_8);
        return csv == null ? "" : CsvPeopleReader.rejectedRows(csv, reasonsByLine);
    }

    /** A workbook template: one sheet with the header row and one example row. */
    public static byte[] workbookTemplate(String sheetName, List<String> columns, Map<String, String> example) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(sheetName);
            Row header = sheet.createRow(0);
            Row row = sheet.createRow(1);
            for (int i = 0; i < columns.size(); i++) {
                header.createCell(i).setCellValue(columns.get(i));
                row.createCell(i).setCellValue(example.getOrDefault(columns.get(i), ""));
                sheet.setColumnWidth(i, 256 * Math.max(12, Math.min(40,
                        example.getOrDefault(columns.get(i), "").length() + 2)));
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A workbook's first sheet as CSV text, or (csv null) why it cannot be read. */
    private record Text(String csv, Rejection rejection) {
    }

    private static Text text(byte[] content, String fileName, String kind) {
        SheetAsCsv rows = new SheetAsCsv();
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(content))) {
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            XSSFReader reader = new XSSFReader(pkg);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                return unreadable(fileName, kind, "the workbook has no sheet");
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, rows, new IsoFormatter(),
                        false));
                parser.parse(new InputSource(sheet));
            }
        } catch (TooBig e) {
            return unreadable(fileName, kind, e.getMessage());
        } catch (Exception e) {
            // POI reports a damaged or foreign file with many exception types; none of them is the caller's to handle
            return unreadable(fileName, kind, "it is not an Excel workbook (.xlsx) that can be read: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                    + "; save it again as .xlsx or as CSV UTF-8");
        }
        return new Text(rows.csv(), null);
    }

    private static Text unreadable(String fileName, String kind, String reason) {
        return new Text(null, new Rejection(kind, null, fileName, fileName, "the file cannot be read: " + reason));
    }

    /** Thrown while reading a sheet that has more rows or columns than an import takes. */
    private static final class TooBig extends RuntimeException {
        TooBig(String message) {
            super(message);
        }
    }

    /** Collects a sheet's rows as CSV lines, row n on line n (blank lines for empty rows). */
    private static final class SheetAsCsv implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final StringBuilder out = new StringBuilder();
        private final CSVPrinter printer;
        private final List<String> cells = new ArrayList<>();
        private int nextLine;
        /** How many cells the header row (the first that is not empty) has; 0 until it is read. */
        private int headerWidth;

        SheetAsCsv() {
            try {
                printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void startRow(int rowNum) {
            if (rowNum >= MAX_ROWS) {
                throw new TooBig("the sheet has more than " + MAX_ROWS + " rows; split it into several files");
            }
            while (nextLine < rowNum) {
                out.append('\n');
                nextLine++;
            }
            cells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            while (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) {
                cells.remove(cells.size() - 1);
            }
            try {
                if (cells.isEmpty()) {
                    out.append('\n');
                } else {
                    // a spreadsheet keeps no cell for an empty one at the end of a row (an optional last column left
                    // empty): the row is as wide as its header
                    if (headerWidth == 0) {
                        headerWidth = cells.size();
                    }
                    while (cells.size() < headerWidth) {
                        cells.add("");
                    }
                    printer.printRecord(cells);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            nextLine = rowNum + 1;
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? cells.size() : new CellReference(reference).getCol();
            if (column >= MAX_COLUMNS) {
                throw new TooBig("the sheet has more than " + MAX_COLUMNS + " columns");
            }
            while (cells.size() < column) {
                cells.add("");
            }
            // a line break inside a cell would shift the line numbers of the rows below it
            cells.add(value == null ? "" : value.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' '));
        }

        String csv() {
            return out.toString();
        }
    }

    /** Numbers as a person typed them: dates as ISO dates, times as HH:mm, whole numbers without decimals. */
    private static final class IsoFormatter extends DataFormatter {

        IsoFormatter() {
            super(Locale.ROOT);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDateTime time = DateUtil.getLocalDateTime(value);
                if (value < 1) {
                    return String.format(Locale.ROOT, "%02d:%02d", time.getHour(), time.getMinute());
                }
                return time.toLocalTime().toSecondOfDay() == 0 ? time.toLocalDate().toString()
                        : time.toLocalDate() + "T" + time.toLocalTime();
            }
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                return Long.toString((long) value);
            }
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }
}
