package org.mentoring.web.admin;

import java.security.Principal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.mentoring.accounts.AccountInvitations;
import org.mentoring.accounts.AccountMail;
import org.mentoring.accounts.InvitationStatus;
import org.mentoring.common.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The people a coordinator brought in and their invitations: who has not been invited, whose link waits or ran out,
 * who accepted; invite the ones ticked, or everyone not invited yet, or everyone whose link expired. The same service
 * as {@code /api/v1/accounts/invitations} and {@code /api/v1/accounts/invitations/bulk}.
 */
@Controller
class AdminInvitationsController {

    private static final int PAGE_SIZE = 100;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final AccountInvitations invitations;
    private final AccountMail mail;

    AdminInvitationsController(AccountInvitations invitations, AccountMail mail) {
        this.invitations = invitations;
        this.mail = mail;
    }

    @GetMapping("/admin/invitations")
    String page(@RequestParam(required = false) InvitationStatus status, @RequestParam(defaultValue = "0") int page,
            Model model) {
        return render(status, page, model);
    }

    @PostMapping("/admin/invitations")
    String invite(@RequestParam(name = "accountId", required = false) List<String> accountIds,
            @RequestParam(name = "selectStatus", required = false) InvitationStatus selectStatus,
            @RequestParam(required = false) InvitationStatus status, Principal admin, Model model) {
        try {
            AccountInvitations.BulkResult result = invitations.inviteAll(
                    selectStatus == null ? accountIds : null, selectStatus, admin.getName());
            model.addAttribute("result", result);
            model.addAttribute("links", result.sent().stream()
                    .map(sent -> new Link(sent.account().name(), sent.account().email(),
                            mail.setPasswordUrl(sent.token())))
                    .toList());
        } catch (InvalidInputException e) {
            model.addAttribute("inviteError", selectStatus == null && (accountIds == null || accountIds.isEmpty())
                    ? "Tick the people to invite first." : e.getMessage());
        }
        return render(status, 0, model);
    }

    /** A set-password link to pass on by hand when no mail server is configured. */
    record Link(String name, String email, String url) {
    }

    private String render(InvitationStatus status, int page, Model model) {
        model.addAttribute("status", status);
        model.addAttribute("statuses", InvitationStatus.values());
        model.addAttribute("accounts", invitations.list(status, Math.max(0, page), PAGE_SIZE));
        model.addAttribute("sendsMail", mail.sendsMail());
        model.addAttribute("when", WHEN);
        return "admin/invitations";
    }
}
