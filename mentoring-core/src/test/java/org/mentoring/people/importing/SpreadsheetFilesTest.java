package org.mentoring.people.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.mentoring.people.input.MentorInput;
import org.mentoring.people.input.SlotInput;

/** Files as spreadsheets save them: semicolon-delimited CSV, Excel workbooks, rejected rows sent back to fix. */
class SpreadsheetFilesTest {

    private static final MentorInput MWANGI = new MentorInput("m-017", "Dr. A. Mwangi", "a.mwangi@example.org",
            "University of Nairobi", "KE", "Africa/Nairobi", List.of("en", "sw"),
            List.of("planetary-health/climate-health/heat-health"), List.of("grant-writing", "publishing"), "3",
            "2026-01-01", "2026-12-31",
            List.of(new SlotInput("TUE", "14:00", "16:00"), new SlotInput("THU", "09:00", "10:30")));

    @Test
    void aSemicolonDelimitedFileIsReadWithListsSeparatedByBars() {
        String csv = "\uFEFFexternalId;name;email;institution;country;timeZone;languages;domains;topics;capacity;"
                + "availableFrom;availableUntil;weeklyAvailability\r\n"
                + "m-017;Dr. A. Mwangi;a.mwangi@example.org;University of Nairobi;KE;Africa/Nairobi;en|sw;"
                + "planetary-health/climate-health/heat-health;grant-writing|publishing;3;2026-01-01;2026-12-31;"
                + "TUE 14:00-16:00|THU 09:00-10:30\r\n"
                + "m-018;\"Okafor; B.\";b@example.org;;NG;Africa/Lagos;en;methods/epidemiology;;2;2026-01-01;;"
                + "MON 08:00-10:00\r\n";

        ImportBatch batch = CsvPeopleReader.mentors(csv, "mentors.csv");

        assertThat(batch.unreadable()).isEmpty();
        assertThat(batch.mentors()).hasSize(2);
        assertThat(batch.mentors().get(0).record()).isEqualTo(MWANGI);
        assertThat(batch.mentors().get(1).record().name()).isEqualTo("Okafor; B.");
        assertThat(batch.mentors().get(1).location()).isEqualTo("mentors.csv line 3");
    }

    @Test
    void theDelimiterIsTheOneTheHeaderRowHasMostOf() {
        assertThat(CsvPeopleReader.delimiter("a,b,c\n1;2;3;4;5")).isEqualTo(',');
        assertThat(CsvPeopleReader.delimiter("a;b;c\n1,2,3,4,5")).isEqualTo(';');
        assertThat(CsvPeopleReader.delimiter("a\tb\tc\n")).isEqualTo('\t');
        assertThat(CsvPeopleReader.delimiter("\"a;b;c\",d,e\n")).as("semicolons inside quotes do not count")
                .isEqualTo(',');
        assertThat(CsvPeopleReader.delimiter("externalId\n")).isEqualTo(',');
    }

    @Test
    void theRejectedRowsComeBackWithTheirReasonsAndImportAgainOnceFixed() {
        String csv = "externalId;name;email;institution;country;timeZone;languages;domains;topics;capacity;"
                + "availableFrom;availableUntil;weeklyAvailability\n"
                + "m-1;Good;good@example.org;;KE;Africa/Nairobi;en;methods/epidemiology;;2;2026-01-01;;"
                + "MON 08:00-10:00\n"
                + "m-2;Bad;bad@example.org;;KE;India;en;methods/epidemiology;;2;2026-01-01;;MON 08:00-10:00\n";

        String rejected = CsvPeopleReader.rejectedRows(csv, Map.of(3L, "timeZone: India is not a time zone"));

        assertThat(rejected).startsWith("\uFEFF").contains("\r\n");
        List<String> lines = List.of(rejected.substring(1).split("\r\n"));
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).endsWith(";weeklyAvailability;rejectedBecause");
        assertThat(lines.get(1)).startsWith("m-2;Bad;").endsWith(";timeZone: India is not a time zone");

        String fixed = rejected.replace(";India;", ";Asia/Kolkata;");
        ImportBatch again = CsvPeopleReader.mentors(fixed, "rejected-mentors.csv");
        assertThat(again.unreadable()).as("the reasons column is ignored").isEmpty();
        assertThat(again.mentors()).singleElement()
                .satisfies(entry -> assertThat(entry.record().timeZone()).isEqualTo("Asia/Kolkata"));
        String twice = CsvPeopleReader.rejectedRows(fixed, Map.of(2L, "another reason"));
        assertThat(twice.substring(1).split("\r\n")[0]).as("no second reasons column")
                .endsWith(";weeklyAvailability;rejectedBecause");
        assertThat(twice).contains(";another reason").doesNotContain("India is not");
    }

    @Test
    void aWorkbookIsReadRowByRowWithDatesAndNumbersAsTyped() throws IOException {
        byte[] workbook = workbook(true);

        ImportBatch batch = SpreadsheetFiles.mentors(workbook, "mentors.xlsx");

        assertThat(batch.unreadable()).isEmpty();
        assertThat(batch.mentors()).singleElement().satisfies(entry -> {
            assertThat(entry.record()).isEqualTo(MWANGI);
            assertThat(entry.location()).as("row 3 of the sheet, after an empty row").isEqualTo("mentors.xlsx line 3");
        });
    }

    @Test
    void aWorkbookSentUnderAnotherNameIsStillRecognisedAndADamagedOneIsRejectedInWords() throws IOException {
        assertThat(SpreadsheetFiles.isWorkbook("upload", workbook(false))).isTrue();
        assertThat(SpreadsheetFiles.isWorkbook("mentors.csv", "externalId,name".getBytes(StandardCharsets.UTF_8)))
                .isFalse();

        ImportBatch damaged = SpreadsheetFiles.mentors("PK\u0003\u0004 not really".getBytes(StandardCharsets.ISO_8859_1),
                "mentors.xlsx");

        assertThat(damaged.mentors()).isEmpty();
        assertThat(damaged.unreadable()).singleElement().satisfies(rejection -> assertThat(rejection.reason())
                .startsWith("the file cannot be read: it is not an Excel workbook (.xlsx) that can be read")
                .contains("save it again as .xlsx or as CSV UTF-8"));
    }

    @Test
    void theWorkbookTemplateReadsBackAsItsExample() {
        Map<String, String> example = Map.ofEntries(Map.entry("externalId", "m-017"),
                Map.entry("name", "Dr. A. Mwangi"), Map.entry("email", "a.mwangi@example.org"),
                Map.entry("institution", "University of Nairobi"), Map.entry("country", "KE"),
                Map.entry("timeZone", "Africa/Nairobi"), Map.entry("languages", "en;sw"),
                Map.entry("domains", "planetary-health/climate-health/heat-health"),
                Map.entry("topics", "grant-writing;publishing"), Map.entry("capacity", "3"),
                Map.entry("availableFrom", "2026-01-01"), Map.entry("availableUntil", "2026-12-31"),
                Map.entry("weeklyAvailability", "TUE 14:00-16:00;THU 09:00-10:30"));

        byte[] template = SpreadsheetFiles.workbookTemplate("mentors", CsvPeopleReader.MENTOR_COLUMNS, example);
        String csvTemplate = CsvPeopleReader.template(CsvPeopleReader.MENTOR_COLUMNS, example);

        assertThat(SpreadsheetFiles.mentors(template, "mentors-template.xlsx").mentors()).singleElement()
                .satisfies(entry -> assertThat(entry.record()).isEqualTo(MWANGI));
        assertThat(CsvPeopleReader.mentors(csvTemplate, "mentors-template.csv").mentors()).singleElement()
                .satisfies(entry -> assertThat(entry.record()).isEqualTo(MWANGI));
    }

    /** A workbook with the header on row 1, an empty row 2, and Dr. Mwangi on row 3 with real date and number cells. */
    private static byte[] workbook(boolean realCells) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Mentors");
            Row header = sheet.createRow(0);
            List<String> columns = CsvPeopleReader.MENTOR_COLUMNS;
            for (int i = 0; i < columns.size(); i++) {
                header.createCell(i).setCellValue(columns.get(i));
            }
            Row row = sheet.createRow(2);
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("d/m/yy"));
            String[] text = {"m-017", "Dr. A. Mwangi", "a.mwangi@example.org", "University of Nairobi", "KE",
                "Africa/Nairobi", "en;sw", "planetary-health/climate-health/heat-health", "grant-writing;publishing",
                "3", "2026-01-01", "2026-12-31", "TUE 14:00-16:00;THU 09:00-10:30"};
            for (int i = 0; i < text.length; i++) {
                row.createCell(i).setCellValue(text[i]);
            }
            if (realCells) {
                row.getCell(9).setCellValue(3.0);
                row.getCell(10).setCellValue(LocalDate.of(2026, 1, 1));
                row.getCell(10).setCellStyle(date);
                row.getCell(11).setCellValue(LocalDate.of(2026, 12, 31));
                row.getCell(11).setCellStyle(date);
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
