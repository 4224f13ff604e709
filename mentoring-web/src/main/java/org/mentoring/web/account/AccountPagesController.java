package org.mentoring.web.account;

import java.util.Map;
import org.mentoring.accounts.AccountService;
import org.mentoring.common.ConflictException;
import org.mentoring.common.InvalidInputException;
import org.mentoring.web.page.FieldErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Pages anyone may open: sign in, sign up as a researcher, choose a password from an invitation link. */
@Controller
class AccountPagesController {

    private final AccountService accounts;

    AccountPagesController(AccountService accounts) {
        this.accounts = accounts;
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
            accounts.signUp(email, password, name);
            return "redirect:/sign-in?signed-up";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", FieldErrors.byField(e));
        } catch (ConflictException e) {
            model.addAttribute("errors", Map.of("email", e.getMessage()));
        }
        model.addAttribute("email", email);
        model.addAttribute("name", name);
        return "sign-up";
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
