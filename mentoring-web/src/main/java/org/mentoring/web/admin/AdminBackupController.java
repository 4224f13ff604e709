package org.mentoring.web.admin;

import java.io.IOException;
import java.security.Principal;
import org.mentoring.audit.AuditService;
import org.mentoring.backup.BackupService;
import org.mentoring.backup.RestoreReport;
import org.mentoring.common.ConflictException;
import org.mentoring.common.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Backups for coordinators: download the whole store as one archive, and restore one into an empty instance, with
 * what happened in words. The same service as {@code /api/v1/admin/backup} and {@code /api/v1/admin/restore}.
 */
@Controller
class AdminBackupController {

    private final BackupService backups;
    private final AuditService audit;

    AdminBackupController(BackupService backups, AuditService audit) {
        this.backups = backups;
        this.audit = audit;
    }

    @GetMapping("/admin/backup")
    String page(Model model) {
        return render(model);
    }

    @PostMapping("/admin/backup/restore")
    String restore(@RequestParam(name = "archive", required = false) MultipartFile archive, Principal admin,
            Model model) throws IOException {
        if (archive == null || archive.isEmpty()) {
            model.addAttribute("restoreError", "Choose the backup archive (a .zip downloaded from this page).");
            return render(model);
        }
        try {
            RestoreReport report = backups.restore(archive, admin.getName());
            audit.record(admin.getName(), "backup.restore", "store", report.auditDetail(), null);
            model.addAttribute("restored", report);
        } catch (ConflictException e) {
            model.addAttribute("restoreError", e.getMessage());
        } catch (InvalidInputException e) {
            model.addAttribute("restoreError", e.getMessage());
            if (e.errors().size() > 1) {
                model.addAttribute("restoreProblems", e.errors().stream()
                        .map(InvalidInputException.FieldError::message).toList());
            }
        }
        return render(model);
    }

    private String render(Model model) {
        model.addAttribute("restoreStatus", backups.restoreStatus());
        model.addAttribute("holdsData", backups.holdsData());
        return "admin/backup";
    }
}
