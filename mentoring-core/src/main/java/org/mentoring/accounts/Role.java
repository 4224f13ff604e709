package org.mentoring.accounts;

/** What a person may do: see PRODUCT.md, "Who uses it". */
public enum Role {
    /** Students, postdocs, early-career faculty and practitioners asking for a mentor. */
    RESEARCHER,
    /** Faculty and senior practitioners who mentor. */
    MENTOR,
    /** Programme coordinators. */
    ADMIN
}
