package org.mentoring.web.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.mentoring.common.InvalidInputException;
import org.mentoring.people.importing.CsvPeopleReader;
import org.mentoring.people.importing.ImportBatch;
import org.mentoring.people.importing.ImportRejectedException;
import org.mentoring.people.importing.ImportReport;
import org.mentoring.people.importing.PeopleImporter;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Uploading the mentors and requests CSV files, all or nothing, with the report of every rejected row. */
@Controller
class AdminImportController {

    private final PeopleImporter importer;

    AdminImportController(PeopleImporter importer) {
        this.importer = importer;
    }

    @GetMapping("/admin/import")
    String form() {
        return "admin/import";
    }

    @PostMapping("/admin/import")
    String upload(@RequestParam(name = "mentors", required = false) MultipartFile mentors,
            @RequestParam(name = "requests", required = false) MultipartFile requests,
            @RequestParam(defaultValue = "false") boolean dryRun, Model model) throws IOException {
        model.addAttribute("dryRun", dryRun);
        boolean noMentors = mentors == null || mentors.isEmpty();
        boolean noRequests = requests == null || requests.isEmpty();
        if (noMentors && noRequests) {
            model.addAttribute("error", "Choose a mentors file, a requests file, or both.");
            return "admin/import";
        }
        ImportBatch batch = ImportBatch.EMPTY;
        if (!noMentors) {
            batch = batch.plus(CsvPeopleReader.mentors(text(mentors), name(mentors, "mentors.csv")));
        }
        if (!noRequests) {
            batch = batch.plus(CsvPeopleReader.requests(text(requests), name(requests, "requests.csv")));
        }
        ImportReport report;
        try {
            report = importer.importPeople(batch, dryRun);
        } catch (ImportRejectedException e) {
            report = e.report();
        } catch (InvalidInputException e) {
            model.addAttribute("error", e.getMessage());
            return "admin/import";
        }
        model.addAttribute("report", report);
        return "admin/import";
    }

    private static String text(MultipartFile file) throws IOException {
        return new String(file.getBytes(), StandardCharsets.UTF_8);
    }

    private static String name(MultipartFile file, String fallback) {
        String name = file.getOriginalFilename();
        return name == null || name.isBlank() ? fallback : name;
    }
}
