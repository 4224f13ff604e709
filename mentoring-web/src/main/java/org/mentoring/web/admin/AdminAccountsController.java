package org.mentoring.web.admin;

import java.security.Principal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.mentoring.accounts.AccountInvitations;
import org.mentoring.accounts.AccountInvitations.InvitedAccount;
import org.mentoring.accounts.AccountMail;
import org.mentoring.accounts.AccountSearch;
import org.mentoring.accounts.AccountService;
import org.mentoring.accounts.Role;
import org.mentoring.audit.AuditService;
import org.mentoring.common.ConflictException;
import org.mentoring.common.InvalidInputException;
import org.mentoring.common.NotFoundException;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The coordinator's list of accounts (search by name or email, role, enabled or disabled, pages; invite the ones
 * ticked) and an account's page: who, where the invitation stands, what was done to it, and disable, enable, invite.
 * Through {@link AccountService} and {@link AccountInvitations}, which record each action in the audit trail.
 */
@Controller
class AdminAccountsController {

    private final AccountSearch search;
    private final AccountService accounts;
    private final AccountInvitations invitations;
    private final AccountMail mail;
    private final AuditService audit;

    AdminAccountsController(AccountSearch search, AccountService accounts, AccountInvitations invitations,
            AccountMail mail, AuditService audit) {
        this.search = search;
        this.accounts = accounts;
        this.invitations = invitations;
        this.mail = mail;
        this.audit = audit;
    }

    @GetMapping("/admin/accounts")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String role,
            @RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page, Model model) {
        Role chosenRole = AdminLists.parse(Role.class, role);
        Boolean enabled = "ENABLED".equalsIgnoreCase(status) ? Boolean.TRUE
                : "DISABLED".equalsIgnoreCase(status) ? Boolean.FALSE : null;
        Page<InvitedAccount> found = search.find(q, chosenRole, enabled, page, PageLinks.PAGE_SIZE);
        var params = AdminLists.params(q, null, "role", chosenRole);
        params.put("status", enabled == null ? null : enabled ? "ENABLED" : "DISABLED");
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("role", chosenRole);
        model.addAttribute("roles", Role.values());
        model.addAttribute("status", params.get("status"));
        model.addAttribute("found", found);
        model.addAttribute("pages", PageLinks.of(found, "/admin/accounts", params));
        model.addAttribute("back", PageLinks.href("/admin/accounts", params, found.getNumber()));
        return "admin/accounts";
    }

    @GetMapping("/admin/accounts/{id}")
    String show(@PathVariable String id, Model model) {
        InvitedAccount account = search.get(id).orElseThrow(() -> new NotFoundException("account", id));
        model.addAttribute("a", account);
        List<PersonHistory.Item> events = new ArrayList<>(audit.about(List.of(account.account().email()), 100).stream()
                .map(e -> new PersonHistory.Item(e.at(), PersonHistory.WHEN.format(e.at()),
                        AuditWords.of(e.action()) + " (by " + e.actor() + ")", null, null))
                .toList());
        Collections.reverse(events);
        model.addAttribute("events", events);
        model.addAttribute("invitedWhen", account.invitationSentAt() == null ? null
                : PersonHistory.WHEN.format(account.invitationSentAt()));
        model.addAttribute("back", "/admin/accounts/" + AdminLists.path(id));
        model.addAttribute("personHref", personHref(account));
        return "admin/account";
    }

    @PostMapping("/admin/accounts/{id}/disable")
    String disable(@PathVariable String id, Principal admin, RedirectAttributes redirect) {
        return enable(id, false, admin, redirect);
    }

    @PostMapping("/admin/accounts/{id}/enable")
    String enable(@PathVariable String id, Principal admin, RedirectAttributes redirect) {
        return enable(id, true, admin, redirect);
    }

    private String enable(String id, boolean enabled, Principal admin, RedirectAttributes redirect) {
        try {
            var account = accounts.setEnabled(id, enabled, admin.getName());
            redirect.addFlashAttribute("done", enabled ? account.name() + " can sign in again."
                    : account.name() + "'s account is disabled: they are signed out everywhere and cannot sign in.");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("actionError", e.getMessage() + ".");
        }
        return "redirect:/admin/accounts/" + AdminLists.path(id);
    }

    /** Invites the accounts ticked (or the one of a person's page), then goes back to the page it came from. */
    @PostMapping("/admin/accounts/invite")
    String invite(@RequestParam(name = "accountId", required = false) List<String> accountIds,
            @RequestParam(required = false) String back, Principal admin, RedirectAttributes redirect) {
        String to = AdminLists.back(back, "/admin/accounts");
        if (accountIds == null || accountIds.isEmpty()) {
            redirect.addFlashAttribute("actionError", "Tick the people to invite first.");
            return "redirect:" + to;
        }
        try {
            AccountInvitations.BulkResult result = invitations.inviteAll(accountIds, null, admin.getName());
            StringBuilder done = new StringBuilder("Sent " + result.sent().size() + " invitation(s).");
            result.skipped().forEach(skipped -> done.append(" Left alone: ").append(skipped.account().name())
                    .append(" (").append(skipped.reason()).append(")."));
            redirect.addFlashAttribute("done", done.toString());
            if (!mail.sendsMail()) {
                redirect.addFlashAttribute("links", result.sent().stream()
                        .map(sent -> new AdminInvitationsLink(sent.account().name(), sent.account().email(),
                                mail.setPasswordUrl(sent.token())))
                        .toList());
            }
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("actionError", e.getMessage() + ".");
        }
        return "redirect:" + to;
    }

    private static String personHref(InvitedAccount account) {
        String person = account.account().personExternalId();
        if (person == null) {
            return null;
        }
        return (account.account().role() == Role.MENTOR ? "/admin/mentors/" : "/admin/requests/")
                + AdminLists.path(person);
    }

    /** A set-password link to pass on by hand when no mail server is configured. */
    record AdminInvitationsLink(String name, String email, String url) {
    }
}
