package org.mentoring.web.admin;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.mentoring.audit.AuditService;
import org.mentoring.common.ConflictException;
import org.mentoring.common.InvalidInputException;
import org.mentoring.taxonomy.CodeUsage;
import org.mentoring.taxonomy.Domain;
import org.mentoring.taxonomy.ProgrammeTaxonomy;
import org.mentoring.taxonomy.Taxonomy;
import org.mentoring.taxonomy.TaxonomyEdits;
import org.mentoring.taxonomy.Topic;
import org.mentoring.taxonomy.Topics;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The programme's taxonomy and topic list on admin pages: each domain and topic with how many mentors and requests use
 * it, and forms to add, rename, move and retire them. Each form makes the whole new list and hands it to
 * {@link ProgrammeTaxonomy}, as {@code PUT /api/v1/taxonomy} and {@code PUT /api/v1/topics} do, so the same rules
 * refuse the same mistakes; every change is in the audit trail.
 */
@Controller
class AdminTaxonomyController {

    /** A domain as the page lists it. */
    record DomainRow(String code, String name, int depth, String label, CodeUsage usage) {
    }

    /** A topic as the page lists it. */
    record TopicRow(String code, String name, CodeUsage usage) {
    }

    private static final java.util.regex.Pattern PATH = java.util.regex.Pattern.compile(
            "^(?:roots|topics)(?:\\[\\d+\\](?:\\.children)?)*\\.(code|name)");

    private final ProgrammeTaxonomy programme;
    private final AuditService audit;

    AdminTaxonomyController(ProgrammeTaxonomy programme, AuditService audit) {
        this.programme = programme;
        this.audit = audit;
    }

    @GetMapping("/admin/taxonomy")
    String taxonomy(Model model) {
        return renderTaxonomy(model);
    }

    @PostMapping("/admin/taxonomy/add")
    String addDomain(@RequestParam(required = false) String parent, @RequestParam(required = false) String part,
            @RequestParam(required = false) String name, Principal admin, Model model) {
        return changeTaxonomy(model, admin, "Added " + name + ".",
                () -> TaxonomyEdits.add(programme.current(), parent, part, name));
    }

    @PostMapping("/admin/taxonomy/rename")
    String renameDomain(@RequestParam(required = false) String code, @RequestParam(required = false) String name,
            Principal admin, Model model) {
        return changeTaxonomy(model, admin, "Renamed " + code + " to " + name + ".",
                () -> TaxonomyEdits.rename(programme.current(), code, name));
    }

    @PostMapping("/admin/taxonomy/move")
    String moveDomain(@RequestParam(required = false) String code, @RequestParam(required = false) String parent,
            Principal admin, Model model) {
        return changeTaxonomy(model, admin, "Moved " + code + "; everyone using it now has its new code.",
                () -> TaxonomyEdits.move(programme.current(), code, parent));
    }

    @PostMapping("/admin/taxonomy/retire")
    String retireDomain(@RequestParam(required = false) String code,
            @RequestParam(required = false) String replacement, Principal admin, Model model) {
        return changeTaxonomy(model, admin, "Retired " + code + ".",
                () -> TaxonomyEdits.retire(programme.current(), code, replacement, programme.domainUsage()));
    }

    @GetMapping("/admin/topics")
    String topics(Model model) {
        return renderTopics(model);
    }

    @PostMapping("/admin/topics/add")
    String addTopic(@RequestParam(required = false) String code, @RequestParam(required = false) String name,
            Principal admin, Model model) {
        return changeTopics(model, admin, "Added " + name + ".",
                () -> TaxonomyEdits.addTopic(programme.topics(), code, name));
    }

    @PostMapping("/admin/topics/rename")
    String renameTopic(@RequestParam(required = false) String code, @RequestParam(required = false) String name,
            Principal admin, Model model) {
        return changeTopics(model, admin, "Renamed " + code + " to " + name + ".",
                () -> TaxonomyEdits.renameTopic(programme.topics(), code, name));
    }

    @PostMapping("/admin/topics/retire")
    String retireTopic(@RequestParam(required = false) String code,
            @RequestParam(required = false) String replacement, Principal admin, Model model) {
        return changeTopics(model, admin, "Retired " + code + ".",
                () -> TaxonomyEdits.retireTopic(programme.topics(), code, replacement, programme.topicUsage()));
    }

    private String changeTaxonomy(Model model, Principal admin, String done, Supplier<TaxonomyEdits.TreeEdit> edit) {
        try {
            TaxonomyEdits.TreeEdit change = edit.get();
            ProgrammeTaxonomy.Change written = programme.replaceTaxonomy(null, change.roots(), change.replacedBy(),
                    admin.getName());
            audit.record(admin.getName(), "taxonomy.replace", "taxonomy", written.detail(), null);
            model.addAttribute("done", done);
        } catch (InvalidInputException e) {
            model.addAttribute("problems", words(e));
        } catch (ConflictException e) {
            model.addAttribute("problems", List.of(e.getMessage()));
        }
        return renderTaxonomy(model);
    }

    private String changeTopics(Model model, Principal admin, String done, Supplier<TaxonomyEdits.TopicsEdit> edit) {
        try {
            TaxonomyEdits.TopicsEdit change = edit.get();
            ProgrammeTaxonomy.Change written = programme.replaceTopics(change.topics(), change.replacedBy(),
                    admin.getName());
            audit.record(admin.getName(), "topics.replace", "topics", written.detail(), null);
            model.addAttribute("done", done);
        } catch (InvalidInputException e) {
            model.addAttribute("problems", words(e));
        } catch (ConflictException e) {
            model.addAttribute("problems", List.of(e.getMessage()));
        }
        return renderTopics(model);
    }

    /** The problems without the API's paths into the whole list, which the page's forms do not show. */
    private static List<String> words(InvalidInputException e) {
        return e.errors().stream()
                .map(error -> PATH.matcher(error.message()).replaceFirst("$1"))
                .map(message -> message.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + message.substring(1))
                .toList();
    }

    private String renderTaxonomy(Model model) {
        Taxonomy taxonomy = programme.current();
        Map<String, CodeUsage> usage = programme.domainUsage();
        List<DomainRow> rows = taxonomy.domains().stream().map(domain -> row(domain, usage)).toList();
        model.addAttribute("taxonomyName", taxonomy.name());
        model.addAttribute("rows", rows);
        model.addAttribute("parents", rows.stream().filter(row -> row.depth() < 3).toList());
        return "admin/taxonomy";
    }

    private String renderTopics(Model model) {
        Topics topics = programme.topics();
        Map<String, CodeUsage> usage = programme.topicUsage();
        model.addAttribute("rows", topics.all().stream()
                .map((Topic topic) -> new TopicRow(topic.code(), topic.name(),
                        usage.getOrDefault(topic.code(), CodeUsage.NONE)))
                .toList());
        return "admin/topics";
    }

    private static DomainRow row(Domain domain, Map<String, CodeUsage> usage) {
        return new DomainRow(domain.code(), domain.name(), domain.depth(),
                "\u00a0\u00a0".repeat(domain.depth() - 1) + domain.name(),
                usage.getOrDefault(domain.code(), CodeUsage.NONE));
    }
}
