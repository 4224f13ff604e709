package org.mentoring.web.account;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import java.util.Map;
import org.mentoring.accounts.AccountService;
import org.mentoring.accounts.AddressLimits;
import org.mentoring.accounts.EmailVerification;
import org.mentoring.accounts.PasswordReset;
import org.mentoring.common.ConflictException;
import org.mentoring.common.InvalidInputException;
import org.mentoring.web.page.FieldErrors;
import org.springframework.http.HttpStatus;
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
    private final PasswordReset passwordReset;

    private final AddressLimits limits;

    AccountPagesController(AccountService accounts, EmailVerification verification, PasswordReset passwordReset,
            AddressLimits limits) {
        this.limits = limits;
        this.accounts = accounts;
        this.passwordReset = passwordReset;
        this.verification = verification;
    }

    /** After a failed sign-in, the email typed is shown again (read once from the session; never the password). */
    @GetMapping("/sign-in")
    String signIn(HttpServletRequest request, Model model) {
        TypedSignInEmail.take(request).filter(email -> request.getParameter("error") != null
                || request.getParameter("wait") != null).ifPresent(email -> model.addAttribute("email", email));
        return "sign-in";
    }

    @GetMapping("/sign-up")
    String signUpForm() {
        return "sign-up";
    }

    @PostMapping("/sign-up")
    String signUp(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String password, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        if (!limits.allow("sign-up", request.getRemoteAddr())) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("errors", Map.of("email", "Too many sign-ups came from your network in the last hour."
                    + " Try again in an hour, or ask your programme coordinator to invite you."));
            model.addAttribute("email", email.length() > 254 ? "" : email);
            model.addAttribute("name", name.length() > 200 ? "" : name);
            return "sign-up";
        }
        try {
            verification.signUp(email, password, name);
            signIn(request, email, password);
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
     * Signs in whoever just signed up, with the password they chose (through the same checks as the form), in a
     * new session id. Should that fail, the page still says to check the email, and they sign in by hand.
     */
    private static void signIn(HttpServletRequest request, String email, String password) {
        try {
            if (request.getUserPrincipal() != null) {
                request.logout();
            }
            request.login(email, password);
            request.changeSessionId();
        } catch (ServletException | RuntimeException e) {
            // not signed in: the sign-in page is one link away
        }
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

    @GetMapping("/account/password")
    String changePasswordForm(Model model) {
        model.addAttribute("errors", Map.of());
        return "account/password";
    }

    /** Changes the signed-in person's password; every session of the account ends, this one too. */
    @PostMapping("/account/password")
    String changePassword(@RequestParam(defaultValue = "") String currentPassword,
            @RequestParam(defaultValue = "") String newPassword, Principal principal, HttpServletRequest request,
            Model model) throws ServletException {
        try {
            accounts.changePassword(principal.getName(), currentPassword, newPassword);
        } catch (InvalidInputException e) {
            model.addAttribute("errors", FieldErrors.byField(e));
            return "account/password";
        }
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return "redirect:/sign-in?password-changed";
    }

    @GetMapping("/forgot-password")
    String forgotPasswordForm(Model model) {
        model.addAttribute("errors", Map.of());
        return "forgot-password";
    }

    /** The same answer whether or not an account has the address: see {@link PasswordReset}. */
    @PostMapping("/forgot-password")
    String forgotPassword(@RequestParam(defaultValue = "") String email, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        if (!limits.allow("password-reset", request.getRemoteAddr())) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("errors", Map.of("email", "Too many password resets were asked from your network in"
                    + " the last hour. Try again in an hour, or ask your programme coordinator."));
            model.addAttribute("email", email.length() > 254 ? "" : email);
            return "forgot-password";
        }
        try {
            passwordReset.request(email);
            return "redirect:/forgot-password?sent";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", FieldErrors.byField(e));
            model.addAttribute("email", email.length() > 254 ? "" : email);
            return "forgot-password";
        }
    }
}
