package org.mentoring.web.account;

import java.security.Principal;
import java.util.Map;
import org.mentoring.accounts.AccountService;
import org.mentoring.accounts.EmailVerification;
import org.mentoring.common.ConflictException;
import org.mentoring.common.InvalidInputException;
import org.mentoring.web.page.FieldErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Pages anyone may open: sign in, sign up as a researcher, confirm one's email address, choose a password from an
 * invitation link.
 */
@Controller
class AccountPagesController {

    private final AccountService accounts;
    private final EmailVerification verification;

    AccountPagesController(AccountService accounts, EmailVerification verification) {
        this.accounts = accounts;
        this.verification = verification;
    }

    @GetMapping("/sign-in")
    String signIn() {
        return "sign-in";
    }

    @GetMapping("/sign-up")
    String signUpForm() {
        return "sign-up";
    }

    @PostMapping("/sign-up")
    String signUp(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String password, Model model) {
        try {
            verification.signUp(email, password, name);
            return "redirect:/verify-email?sent";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", FieldErrors.byField(e));
        } catch (ConflictException e) {
            model.addAttribute("errors", Map.of("email", e.getMessage()));
        }
        model.addAttribute("email", email);
        model.addAttribute("name", name);
        return "sign-up";
    }

    /**
     * The email verification page: with a link's token, a button that confirms the address (a page that changes
     * nothing on opening, so that a mail scanner that follows links confirms nothing); without, what to do next.
     */
    @GetMapping("/verify-email")
    String verifyEmailPage(@RequestParam(required = false) String token, Principal principal, Model model) {
        if (token != null) {
            verification.emailOf(token).ifPresentOrElse(email -> model.addAttribute("linkEmail", email),
                    () -> model.addAttribute("linkInvalid", true));
            model.addAttribute("token", token);
        }
        return verifyEmailView(principal, model);
    }

    @PostMapping("/verify-email")
    String verifyEmail(@RequestParam(defaultValue = "") String token, Principal principal, Model model) {
        try {
            model.addAttribute("confirmed", verification.verify(token).email());
        } catch (InvalidInputException e) {
            model.addAttribute("linkInvalid", true);
        }
        return verifyEmailView(principal, model);
    }

    @PostMapping("/verify-email/resend")
    String resendVerification(Principal principal, Model model) {
        try {
            model.addAttribute("resentUntil", verification.resend(principal.getName()));
        } catch (ConflictException e) {
            model.addAttribute("resendError", e.getMessage());
        }
        return verifyEmailView(principal, model);
    }

    private String verifyEmailView(Principal principal, Model model) {
        if (principal != null) {
            accounts.findByEmail(principal.getName()).ifPresent(account -> {
                model.addAttribute("accountEmail", account.email());
                model.addAttribute("accountVerified", account.emailVerified());
            });
        }
        return "verify-email";
    }

    @GetMapping("/set-password")
    String setPasswordForm(@RequestParam(defaultValue = "") String token, Model model) {
        model.addAttribute("token", token);
        return "set-password";
    }

    @PostMapping("/set-password")
    String setPassword(@RequestParam(defaultValue = "") String token,
            @RequestParam(defaultValue = "") String password, Model model) {
        try {
            accounts.setPassword(token, password);
            return "redirect:/sign-in?password-set";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", FieldErrors.byField(e));
            model.addAttribute("token", token);
            return "set-password";
        }
    }
}
