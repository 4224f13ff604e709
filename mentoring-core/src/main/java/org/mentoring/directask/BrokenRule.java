package org.mentoring.directask;

import org.mentoring.matching.domain.HardRule;

/**
 * One hard rule a pair would break, with the reason in words the researcher reads ("Dr. A. Mwangi has no free
 * place", "you share no language").
 */
public record BrokenRule(HardRule rule, String reason) {
}
