package org.mentoring.api.accounts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import org.mentoring.accounts.Account;
import org.mentoring.accounts.AccountService;
import org.mentoring.accounts.Invitation;
import org.mentoring.api.accounts.AccountDtos.AccountResponse;
import org.mentoring.api.accounts.AccountDtos.ChangePasswordRequest;
import org.mentoring.api.accounts.AccountDtos.InvitationRequest;
import org.mentoring.api.accounts.AccountDtos.InvitationResponse;
import org.mentoring.api.accounts.AccountDtos.MeResponse;
import org.mentoring.api.accounts.AccountDtos.SetPasswordRequest;
import org.mentoring.api.accounts.AccountDtos.SignUpRequest;
import org.mentoring.common.NotFoundException;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@Tag(name = "Accounts", description = "Sign-up, the signed-in person, passwords, invitations, account administration")
@RestController
@RequestMapping("/api/v1")
class AccountController {

    private final AccountService accounts;

    AccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    @Operation(summary = "Sign up as a researcher (anyone)",
            description = "Creates a RESEARCHER account. A weak password, an email already used or a malformed email "
                    + "answer 4xx problem details naming the field.")
    @PostMapping("/accounts/sign-up")
    ResponseEntity<AccountResponse> signUp(@Valid @RequestBody SignUpRequest body) {
        Account account = accounts.signUp(body.email(), body.password(), body.name());
        return ResponseEntity.created(URI.create("/api/v1/me")).body(AccountResponse.of(account));
    }

    @Operation(summary = "Who is signed in", description = "The signed-in person's email, name and role.")
    @GetMapping("/me")
    MeResponse me(Principal principal) {
        Account account = accounts.findByEmail(principal.getName())
                .orElseThrow(() -> new NotFoundException("account", principal.getName()));
        return new MeResponse(account.email(), account.name(), account.role(), account.personExternalId());
    }

    @Operation(summary = "Change one's own password")
    @PostMapping("/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(Principal principal, @Valid @RequestBody ChangePasswordRequest body) {
        accounts.changePassword(principal.getName(), body.currentPassword(), body.newPassword());
    }

    @Operation(summary = "Choose a password with an invitation's one-time token (anyone holding the link)")
    @PostMapping("/accounts/set-password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void setPassword(@Valid @RequestBody SetPasswordRequest body) {
        accounts.setPassword(body.token(), body.password());
    }

    @Operation(summary = "List accounts (ADMIN)")
    @PreAuthorize("hasRole('ADMIN')")
    @GetMapping("/accounts")
    Page<AccountResponse> list(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return accounts.list(Math.max(0, page), Math.min(Math.max(1, size), 200)).map(AccountResponse::of);
    }

    @Operation(summary = "Invite a person (ADMIN)",
            description = "Creates the account without a password when missing and answers a one-time link with "
                    + "which the person chooses their password. The link is shown once: pass it on. Inviting "
                    + "again an account that has no password yet renews its link; with another role or "
                    + "personExternalId it answers 409 invitation-differs naming the difference.")
    @PreAuthorize("hasRole('ADMIN')")
    @PostMapping("/accounts/invitations")
    @ResponseStatus(HttpStatus.CREATED)
    InvitationResponse invite(Principal principal, @Valid @RequestBody InvitationRequest body,
            HttpServletRequest request) {
        Invitation invitation = accounts.invite(body.email(), body.name(), body.role(), body.personExternalId(),
                principal.getName());
        String url = ServletUriComponentsBuilder.fromContextPath(request).path("/set-password")
                .queryParam("token", invitation.token()).toUriString();
        return new InvitationResponse(AccountResponse.of(invitation.account()), url, invitation.expiresAt());
    }

    @Operation(summary = "Disable an account (ADMIN)", description = "A disabled account cannot sign in.")
    @PreAuthorize("hasRole('ADMIN')")
    @PostMapping("/accounts/{id}/disable")
    AccountResponse disable(Principal principal, @PathVariable String id) {
        return AccountResponse.of(accounts.setEnabled(id, false, principal.getName()));
    }

    @Operation(summary = "Enable a disabled account again (ADMIN)")
    @PreAuthorize("hasRole('ADMIN')")
    @PostMapping("/accounts/{id}/enable")
    AccountResponse enable(Principal principal, @PathVariable String id) {
        return AccountResponse.of(accounts.setEnabled(id, true, principal.getName()));
    }
}
