package org.mentoring.web.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import org.mentoring.accounts.AccountInvitations;
import org.mentoring.accounts.AccountMail;
import org.mentoring.accounts.AccountSearch;
import org.mentoring.common.InvalidInputException;
import org.mentoring.people.importing.CsvPeopleReader;
import org.mentoring.people.importing.ImportBatch;
import org.mentoring.people.importing.ImportJournal;
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

    static final int HISTORY = 10;

    private final PeopleImporter importer;
    private final ImportJournal journal;
    private final AccountSearch accounts;
    private final AccountInvitations invitations;
    private final AccountMail mail;

    AdminImportController(PeopleImporter importer, ImportJournal journal, AccountSearch accounts,
            AccountInvitations invitations, AccountMail mail) {
        this.importer = importer;
        this.journal = journal;
        this.accounts = accounts;
        this.invitations = invitations;
        this.mail = mail;
    }

    @GetMapping("/admin/import")
    String form(Model model) {
        return render(model);
    }

    @PostMapping("/admin/import")
    String upload(@RequestParam(name = "mentors", required = false) MultipartFile mentors,
            @RequestParam(name = "requests", required = false) MultipartFile requests,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestParam(defaultValue = "false") boolean inviteMentors, Principal admin, Model model)
            throws IOException {
        model.addAttribute("dryRun", dryRun);
        model.addAttribute("inviteMentors", inviteMentors);
        boolean noMentors = mentors == null || mentors.isEmpty();
        boolean noRequests = requests == null || requests.isEmpty();
        if (noMentors && noRequests) {
            model.addAttribute("error", "Choose a mentors file, a requests file, or both.");
            return render(model);
        }
        ImportBatch batch = ImportBatch.EMPTY;
        if (!noMentors) {
            batch = batch.plus(CsvPeopleReader.mentors(mentors.getBytes(), StandardCharsets.UTF_8,
                    name(mentors, "mentors.csv")));
        }
        if (!noRequests) {
            batch = batch.plus(CsvPeopleReader.requests(requests.getBytes(), StandardCharsets.UTF_8,
                    name(requests, "requests.csv")));
        }
        ImportReport report;
        try {
            report = importer.importPeople(batch, dryRun, admin.getName(), "CSV upload (import page)");
        } catch (ImportRejectedException e) {
            report = e.report();
        } catch (InvalidInputException e) {
            model.addAttribute("error", e.getMessage());
            return render(model);
        }
        model.addAttribute("report", report);
        if (inviteMentors && report.accepted() && !report.dryRun() && !batch.mentors().isEmpty()) {
            inviteImportedMentors(batch, admin.getName(), model);
        }
        return render(model);
    }

    /**
     * Invites the mentors of this import at once (one email each); those who already chose a password, or whose
     * account is disabled, are left alone with the reason.
     */
    private void inviteImportedMentors(ImportBatch batch, String admin, Model model) {
        List<String> emails = batch.mentors().stream().map(entry -> entry.record().email())
                .filter(email -> email != null && !email.isBlank()).toList();
        List<String> ids = accounts.idsOfEmails(emails);
        if (ids.isEmpty()) {
            return;
        }
        AccountInvitations.BulkResult invited = invitations.inviteAll(ids, null, admin);
        model.addAttribute("invited", invited);
        model.addAttribute("links", mail.sendsMail() ? List.of() : invited.sent().stream()
                .map(sent -> new AdminAccountsController.AdminInvitationsLink(sent.account().name(),
                        sent.account().email(), mail.setPasswordUrl(sent.token())))
                .toList());
    }

    /** The page, with the latest imports that wrote records (read after an upload, so it is among them). */
    private String render(Model model) {
        model.addAttribute("imports", journal.recent(HISTORY));
        return "admin/import";
    }

    private static String name(MultipartFile file, String fallback) {
        String name = file.getOriginalFilename();
        return name == null || name.isBlank() ? fallback : name;
    }
}
