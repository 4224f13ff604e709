package org.mentoring.api.accounts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.mentoring.api.accounts.AccountDtos.AuditEventResponse;
import org.mentoring.audit.AuditService;
import org.springframework.data.domain.Page;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Audit", description = "Every admin action and every failed sign-in, with who and when")
@RestController
class AuditController {

    private final AuditService audit;

    AuditController(AuditService audit) {
        this.audit = audit;
    }

    @Operation(summary = "Read the audit trail, newest first (ADMIN)")
    @PreAuthorize("hasRole('ADMIN')")
    @GetMapping("/api/v1/audit-events")
    Page<AuditEventResponse> list(@RequestParam(required = false) String action,
            @RequestParam(required = false) String actor, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return audit.list(action, actor, Math.max(0, page), Math.min(Math.max(1, size), 200))
                .map(AuditEventResponse::of);
    }
}
