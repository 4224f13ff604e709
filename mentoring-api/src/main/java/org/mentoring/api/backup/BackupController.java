package org.mentoring.api.backup;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.mentoring.api.security.Viewer;
import org.mentoring.audit.AuditService;
import org.mentoring.backup.BackupService;
import org.mentoring.backup.RestoreReport;
import org.mentoring.common.InvalidInputException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@RestController
@RequestMapping("/api/v1/admin")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Backup", description = """
        The whole store as one zip archive (a manifest.json and one JSON-lines file per collection, in MongoDB's \
        canonical extended JSON so that ids, dates and numbers keep their types), and its restore into an empty \
        instance.""")
class BackupController {

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final BackupService backups;
    private final AuditService audit;

    BackupController(BackupService backups, AuditService audit) {
        this.backups = backups;
        this.audit = audit;
    }

    @GetMapping(path = "/backup", produces = "application/zip")
    @Operation(summary = "Download a backup of the whole store (ADMIN)",
            description = "Streams every collection; the download is recorded in the audit trail first, so the "
                    + "archive holds its own record.")
    @ApiResponse(responseCode = "200", description = "The archive, as an attachment")
    ResponseEntity<StreamingResponseBody> backup() {
        audit.record(Viewer.current().email(), "backup.download", "store", null, null);
        String fileName = "mentoring-backup-" + FILE_TIME.format(Instant.now()) + ".zip";
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build()
                        .toString())
                .body(backups::write);
    }

    @PostMapping(path = "/restore", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Restore a backup into this empty instance (ADMIN)",
            description = "A multipart upload with the archive in a part named 'archive'. The whole archive is "
                    + "checked before anything is written. The instance must hold no people, runs or mentorships; "
                    + "its accounts and audit trail are replaced by the archive's, so sign in afterwards with an "
                    + "account of the backup.")
    @ApiResponse(responseCode = "200", description = "Restored; documents written by collection")
    @ApiResponse(responseCode = "409", description = "The store already holds data (code store-not-empty)")
    @ApiResponse(responseCode = "422", description = "The part is missing or is not a backup of this application")
    RestoreResponse restore(@RequestPart(name = "archive", required = false) MultipartFile archive)
            throws IOException {
        if (archive == null || archive.isEmpty()) {
            throw new InvalidInputException("archive", "send the backup archive in a part named 'archive'");
        }
        String actor = Viewer.current().email();
        RestoreReport report;
        try (InputStream in = archive.getInputStream()) {
            report = backups.restore(in);
        }
        audit.record(actor, "backup.restore", "store", "backup of " + report.createdAt() + ", " + report.total()
                + " documents", null);
        return new RestoreResponse(report.createdAt(), report.total(), report.documents());
    }

    /** What a restore wrote. */
    record RestoreResponse(Instant backupCreatedAt, long documents, Map<String, Long> collections) {
    }
}
