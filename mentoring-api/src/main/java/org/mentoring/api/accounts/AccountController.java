package org.mentoring.api.accounts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import org.mentoring.accounts.Account;
import org.mentoring.accounts.AccountInvitations;
import org.mentoring.accounts.AccountMail;
import org.mentoring.accounts.AccountService;
import org.mentoring.accounts.AddressLimits;
import org.mentoring.accounts.EmailVerification;
import org.mentoring.accounts.Invitation;
import org.mentoring.accounts.PasswordReset;
import org.mentoring.accounts.InvitationStatus;
import org.mentoring.api.accounts.AccountDtos.BulkInvitationRequest;
import org.mentoring.api.accounts.AccountDtos.BulkInvitationResponse;
import org.mentoring.api.accounts.AccountDtos.InvitedAccountResponse;
import org.mentoring.api.accounts.AccountDtos.SkippedInvitationResponse;
import org.mentoring.api.accounts.AccountDtos.VerificationEmailResponse;
import org.mentoring.api.accounts.AccountDtos.VerifyEmailRequest;
import org.mentoring.api.accounts.AccountDtos.AccountResponse;
import org.mentoring.api.accounts.AccountDtos.ChangePasswordRequest;
import org.mentoring.api.accounts.AccountDtos.InvitationRequest;
import org.mentoring.api.accounts.AccountDtos.InvitationResponse;
import org.mentoring.api.accounts.AccountDtos.MeResponse;
import org.mentoring.api.accounts.AccountDtos.PasswordResetRequest;
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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Accounts", description = "Sign-up, the signed-in person, passwords, invitations, account administration")
@RestController
@RequestMapping("/api/v1")
class AccountController {

    private final AccountService accounts;
    private final EmailVerification verification;
    private final AccountInvitations invitations;
    private final AccountMail mail;
    private final PasswordReset passwordReset;

    private final AddressLimits addressLimits;

    AccountController(AccountService accounts, EmailVerification verification, AccountInvitations invitations,
            AccountMail mail, PasswordReset passwordReset, AddressLimits addressLimits) {
        this.addressLimits = addressLimits;
        this.accounts = accounts;
        this.passwordReset = passwordReset;
        this.verification = verification;
        this.invitations = invitations;
        this.mail = mail;
    }

    @Operation(summary = "Sign up as a researcher (anyone)",
            description = "Creates a RESEARCHER account, unverified (emailVerified false), and emails a verification "
                    + "link valid 48 hours; until it is used the account owns nothing (no request, offer or "
                    + "notification). A weak password, an email already used or a malformed email answer 4xx problem "
                    + "details naming the field. An unverified sign-up whose link expired may be replaced by a new "
                    + "one. One network address may sign up 20 times an hour "
                    + "(mentoring.security.mail-requests-per-address), then 429.")
    @PostMapping("/accounts/sign-up")
    ResponseEntity<AccountResponse> signUp(@Valid @RequestBody SignUpRequest body, HttpServletRequest request) {
        limited("sign-up", request, "Too many sign-ups came from your network in the last hour");
        Account account = verification.signUp(body.email(), body.password(), body.name());
        return ResponseEntity.created(URI.create("/api/v1/me")).body(AccountResponse.of(account));
    }

    @Operation(summary = "Confirm an email address with the link's one-time token (anyone holding the link)",
            description = "Proves the sign-up's address: from now on the account owns its request, offers and "
                    + "notifications. An unknown, used or expired token answers 422 naming token.")
    @PostMapping("/accounts/verify-email")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void verifyEmail(@Valid @RequestBody VerifyEmailRequest body) {
        verification.verify(body.token());
    }

    @Operation(summary = "Email me a new verification link (a signed-in account whose address is not proven)",
            description = "The earlier link stops working. At most one every 2 minutes and 5 a day (409 otherwise); "
                    + "409 too when the address is already confirmed.")
    @PostMapping("/me/verification-email")
    @ResponseStatus(HttpStatus.ACCEPTED)
    VerificationEmailResponse resendVerification(Principal principal) {
        Instant expiresAt = verification.resend(principal.getName());
        return new VerificationEmailResponse(AccountService.normalize(principal.getName()), expiresAt);
    }

    @Operation(summary = "Who is signed in", description = "The signed-in person's email, name and role, and "
            + "whether their address is proven (emailVerified).")
    @GetMapping("/me")
    MeResponse me(Principal principal) {
        Account account = accounts.findByEmail(principal.getName())
                .orElseThrow(() -> new NotFoundException("account", principal.getName()));
        return new MeResponse(account.email(), account.name(), account.role(), account.personExternalId(),
                account.emailVerified());
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

    @Operation(summary = "Email me a link to choose a new password (anyone)",
            description = "Answers 202 for any well-formed email, whether or not an account has it, in about the same "
                    + "time; when an enabled account has it (with a password, or invited), a one-time link to "
                    + "/set-password valid 1 hour goes to the address, at most one every 2 minutes and 5 a day "
                    + "(further requests are dropped silently). Using the link ends the account's other sessions. "
                    + "A malformed email is a 422 naming email. One network address may ask 20 resets an hour "
                    + "(mentoring.security.mail-requests-per-address), then 429.")
    @PostMapping("/accounts/password-reset")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void passwordReset(@Valid @RequestBody PasswordResetRequest body, HttpServletRequest request) {
        limited("password-reset", request, "Too many password resets were asked from your network in the last hour");
        passwordReset.request(body.email());
    }

    /** 429 once one network address has made this kind of mail-sending request too often this hour. */
    private void limited(String kind, HttpServletRequest request, String why) {
        if (!addressLimits.allow(kind, request.getRemoteAddr())) {
            throw new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS, why + ": try again in an hour.");
        }
    }

    @Operation(summary = "List accounts (ADMIN)")
    @PreAuthorize("hasRole('ADMIN')")
    @GetMapping("/accounts")
    Page<AccountResponse> list(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return accounts.list(Math.max(0, page), Math.min(Math.max(1, size), 200)).map(AccountResponse::of);
    }

    @Operation(summary = "Invite a person (ADMIN)",
            description = "Creates the account without a password when missing, emails the person a one-time link "
                    + "(through the outbox) with which they choose their password, and answers the same link, to pass "
                    + "on when no mail server is configured. An unverified self sign-up with this email is taken over: "
                    + "its password stops working and only the emailed link opens the account. Inviting again an "
                    + "account that has no password yet renews its link; with another role or personExternalId it "
                    + "answers 409 invitation-differs naming the difference.")
    @PreAuthorize("hasRole('ADMIN')")
    @PostMapping("/accounts/invitations")
    @ResponseStatus(HttpStatus.CREATED)
    InvitationResponse invite(Principal principal, @Valid @RequestBody InvitationRequest body) {
        return response(invitations.invite(body.email(), body.name(), body.role(), body.personExternalId(),
                principal.getName()));
    }

    @Operation(summary = "The people brought in and their invitations (ADMIN)",
            description = "Accounts an import or an invitation created (or linked to a person), by email, each with "
                    + "its status: NOT_SENT, SENT, ACCEPTED or EXPIRED; only those in status when given.")
    @PreAuthorize("hasRole('ADMIN')")
    @GetMapping("/accounts/invitations")
    Page<InvitedAccountResponse> invitations(@RequestParam(required = false) InvitationStatus status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return invitations.list(status, Math.max(0, page), Math.min(Math.max(1, size), 200))
                .map(InvitedAccountResponse::of);
    }

    @Operation(summary = "Invite many people at once (ADMIN)",
            description = "Either accountIds (at most 1000; an unknown id answers 422 naming accountIds[i] and "
                    + "nothing is sent) or a status (NOT_SENT, SENT for a fresh link, EXPIRED) selecting every account "
                    + "brought in that is in it. One email per invitation; accounts that already chose a password, "
                    + "and disabled ones, are skipped with the reason.")
    @PreAuthorize("hasRole('ADMIN')")
    @PostMapping("/accounts/invitations/bulk")
    BulkInvitationResponse inviteAll(Principal principal, @Valid @RequestBody BulkInvitationRequest body) {
        AccountInvitations.BulkResult result = invitations.inviteAll(body.accountIds(), body.status(),
                principal.getName());
        return new BulkInvitationResponse(result.sent().size(), result.sent().stream().map(this::response).toList(),
                result.skipped().stream().map(skipped -> new SkippedInvitationResponse(
                        AccountResponse.of(skipped.account()), skipped.reason())).toList());
    }

    private InvitationResponse response(Invitation invitation) {
        return new InvitationResponse(AccountResponse.of(invitation.account()), mail.setPasswordUrl(invitation.token()),
                invitation.expiresAt());
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
