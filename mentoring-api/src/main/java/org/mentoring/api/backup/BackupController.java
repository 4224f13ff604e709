package org.mentoring.api.backup;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.mentoring.api.security.Viewer;
import org.mentoring.audit.AuditService;
import org.mentoring.backup.BackupService;
import org.mentoring.backup.RestoreReport;
import org.mentoring.backup.RestoreStatus;
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
        canonical extended JSON so that ids, dates and numbers keep their types), its restore into an empty \
        instance, one restore at a time, and the report of a restore that was cut short.""")
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
            description = "A multipart upload with the archive in a part named 'archive'. The archive is read twice "
                    + "and never held in memory: first every line is parsed, counted against the manifest and "
                    + "checked as the application reads and imports it (only the application's collections, each "
                    + "document readable as its class, mentors and requests valid as in an import, canonical "
                    + "account emails, no _id or unique email twice, at least one enabled ADMIN account; lines of "
                    + "at most 1 MB, at most mentoring.restore.max-inflated-size inflated, 512 MB by default), and "
                    + "nothing is written unless all of it is right; then the documents are inserted in batches of "
                    + "1000 into staging collections, which replace the live ones only once all are complete. The "
                    + "instance must hold no people, runs or mentorships, or only what an interrupted restore left "
                    + "(see GET /api/v1/admin/restore/status); its accounts and audit trail are replaced by the "
                    + "archive's, so sign in afterwards with an account of the backup. One restore writes at a "
                    + "time: a restore marker in the store, taken by one atomic insert, stays until the restore has "
                    + "written everything.")
    @ApiResponse(responseCode = "200", description = "Restored; documents written by collection, and the "
            + "interrupted restore whose leftovers were replaced, if any")
    @ApiResponse(responseCode = "409", description = "The store already holds data (code store-not-empty), or "
            + "another restore is writing into it (code restore-in-progress); nothing was written. A restore that "
            + "went silent for longer than mentoring.restore.stale-after and was replaced by another one also "
            + "stops with restore-in-progress, before its next batch.")
    @ApiResponse(responseCode = "422", description = "The part is missing, is not a backup of this application, "
            + "goes over a limit, holds no enabled ADMIN account or a document the application could not read or "
            + "import; each problem names the entry, line and field (the first 20, the others counted); nothing "
            + "was written")
    RestoreResponse restore(@RequestPart(name = "archive", required = false) MultipartFile archive)
            throws IOException {
        if (archive == null || archive.isEmpty()) {
            throw new InvalidInputException("archive", "send the backup archive in a part named 'archive'");
        }
        String actor = Viewer.current().email();
        RestoreReport report = backups.restore(archive, actor);
        RestoreStatus replaced = report.replaced();
        audit.record(actor, "backup.restore", "store", report.auditDetail(), null);
        return new RestoreResponse(report.createdAt(), report.total(), report.documents(),
                replaced == null ? null : RestoreStatusResponse.of(replaced));
    }

    @GetMapping(path = "/restore/status", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Whether a restore is writing, or one was interrupted (ADMIN)",
            description = "IDLE: no restore is writing and none was cut short. RUNNING: a restore is writing now "
                    + "(who started it, when, and its last heartbeat). INTERRUPTED: a restore stopped before it "
                    + "finished (the application stopped, or writing failed), so the store holds part of a backup; "
                    + "'problem' says what happened. Restore a backup again: that restore is allowed into the store "
                    + "and replaces what the interrupted one left. With the embedded store a restore found at "
                    + "start-up counts as interrupted; on a shared MongoDB, one of another instance whose heartbeat "
                    + "is older than mentoring.restore.stale-after (2 minutes by default).")
    @ApiResponse(responseCode = "200", description = "The state of restores into this store")
    RestoreStatusResponse restoreStatus() {
        return RestoreStatusResponse.of(backups.restoreStatus());
    }

    /** What a restore wrote, and the interrupted restore it replaced, if any. */
    record RestoreResponse(Instant backupCreatedAt, long documents, Map<String, Long> collections,
            RestoreStatusResponse replacedInterruptedRestore) {
    }

    /** Whether a restore is writing into the store, or one was cut short. */
    record RestoreStatusResponse(RestoreStatus.State state, String startedBy, Instant startedAt,
            Instant lastSignOfLife, String problem) {

        static RestoreStatusResponse of(RestoreStatus status) {
            return new RestoreStatusResponse(status.state(), status.startedBy(), status.startedAt(),
                    status.lastSignOfLife(), status.problem());
        }
    }
}
