package org.mentoring.web.admin;

import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.Principal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mentoring.accounts.AccountInvitations;
import org.mentoring.accounts.AccountMail;
import org.mentoring.accounts.AccountSearch;
import org.mentoring.common.InvalidInputException;
import org.mentoring.common.NotFoundException;
import org.mentoring.people.importing.ImportBatch;
import org.mentoring.people.importing.ImportJournal;
import org.mentoring.people.importing.ImportRejectedException;
import org.mentoring.people.importing.ImportReport;
import org.mentoring.people.importing.ImportTemplates;
import org.mentoring.people.importing.PeopleImporter;
import org.mentoring.people.importing.SpreadsheetFiles;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Uploading the mentors and requests files (CSV or Excel), all or nothing or only the valid records, with the report
 * of every rejected row and the rejected rows as a file to fix. The files of a dry run are kept in the session, so
 * that importing them after the check needs no second choice of files.
 */
@Controller
class AdminImportController {

    static final int HISTORY = 10;
    private static final String MENTORS = "mentors";
    private static final String REQUESTS = "requests";

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
    String form(Model model, HttpSession session) {
        return render(model, uploads(session));
    }

    @PostMapping("/admin/import")
    String upload(@RequestParam(name = MENTORS, required = false) MultipartFile mentors,
            @RequestParam(name = REQUESTS, required = false) MultipartFile requests,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestParam(defaultValue = "false") boolean validOnly,
            @RequestParam(defaultValue = "false") boolean keepMentors,
            @RequestParam(defaultValue = "false") boolean keepRequests,
            @RequestParam(defaultValue = "false") boolean inviteMentors,
            Principal admin, Model model, HttpSession session) throws IOException {
        model.addAttribute("dryRun", dryRun);
        model.addAttribute("inviteMentors", inviteMentors);
        model.addAttribute("validOnly", validOnly);
        ImportUploads uploads = uploads(session);
        Map<String, ImportUploads.File> files = new LinkedHashMap<>();
        choose(files, MENTORS, mentors, keepMentors, uploads, "mentors.csv");
        choose(files, REQUESTS, requests, keepRequests, uploads, "requests.csv");
        uploads.forgetKept();
        if (files.isEmpty()) {
            model.addAttribute("error", "Choose a mentors file, a requests file, or both.");
            return render(model, uploads);
        }
        ImportBatch batch = ImportBatch.EMPTY;
        if (files.containsKey(MENTORS)) {
            batch = batch.plus(SpreadsheetFiles.mentors(files.get(MENTORS).content(), files.get(MENTORS).name()));
        }
        if (files.containsKey(REQUESTS)) {
            batch = batch.plus(SpreadsheetFiles.requests(files.get(REQUESTS).content(), files.get(REQUESTS).name()));
        }
        ImportReport report;
        try {
            report = validOnly ? importer.importValid(batch, dryRun, admin.getName(), "file upload (import page)")
                    : importer.importPeople(batch, dryRun, admin.getName(), "file upload (import page)");
        } catch (ImportRejectedException e) {
            report = e.report();
        } catch (InvalidInputException e) {
            model.addAttribute("error", e.getMessage());
            return render(model, uploads);
        }
        if (dryRun) {
            files.forEach(uploads::keep); // checked: import them next without choosing them again
        }
        uploads.rememberRejected(files, report.rejections());
        model.addAttribute("report", report);
        boolean written = !dryRun && (report.accepted() || validOnly && report.created() + report.updated() > 0);
        model.addAttribute("written", written);
        if (inviteMentors && written && !batch.mentors().isEmpty()) {
            inviteImportedMentors(batch, report, admin.getName(), model);
        }
        return render(model, uploads);
    }

    /**
     * Invites the mentors this import wrote at once (one email each); those who already chose a password, or whose
     * account is disabled, are left alone with the reason.
     */
    private void inviteImportedMentors(ImportBatch batch, ImportReport report, String admin, Model model) {
        Set<String> rejected = new HashSet<>();
        report.rejections().forEach(rejection -> rejected.add(rejection.location()));
        List<String> emails = batch.mentors().stream().filter(entry -> !rejected.contains(entry.location()))
                .map(entry -> entry.record().email()).filter(email -> email != null && !email.isBlank()).toList();
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

    /** The rejected rows of the last upload's mentors or requests file, with their reasons, to fix and send again. */
    @GetMapping("/admin/import/rejected/{kind}")
    ResponseEntity<byte[]> rejected(@PathVariable String kind, HttpSession session) {
        ImportUploads.File file = uploads(session).rejected(kind);
        if (file == null) {
            throw new NotFoundException("file of rejected rows", kind);
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/csv; charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.name())
                        .build().toString())
                .body(file.content());
    }

    private static void choose(Map<String, ImportUploads.File> files, String kind, MultipartFile upload, boolean keep,
            ImportUploads uploads, String fallback) throws IOException {
        if (upload != null && !upload.isEmpty()) {
            files.put(kind, new ImportUploads.File(name(upload, fallback), upload.getBytes()));
        } else if (keep && uploads.kept(kind) != null) {
            files.put(kind, uploads.kept(kind));
        }
    }

    private static ImportUploads uploads(HttpSession session) {
        ImportUploads uploads = (ImportUploads) session.getAttribute(ImportUploads.SESSION_KEY);
        if (uploads == null) {
            uploads = new ImportUploads();
            session.setAttribute(ImportUploads.SESSION_KEY, uploads);
        }
        return uploads;
    }

    /** The page, with the latest imports that wrote records (read after an upload, so it is among them). */
    private String render(Model model, ImportUploads uploads) {
        model.addAttribute("imports", journal.recent(HISTORY));
        model.addAttribute("keptMentors", uploads.kept(MENTORS));
        model.addAttribute("keptRequests", uploads.kept(REQUESTS));
        model.addAttribute("rejectedFiles", uploads.allRejected());
        model.addAttribute("mentorColumns", ImportTemplates.columns(MENTORS));
        model.addAttribute("requestColumns", ImportTemplates.columns(REQUESTS));
        return "admin/import";
    }

    private static String name(MultipartFile file, String fallback) {
        String name = file.getOriginalFilename();
        if (name == null || name.isBlank()) {
            return fallback;
        }
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
        return base.isEmpty() || base.length() > 120 ? fallback : base;
    }
}
