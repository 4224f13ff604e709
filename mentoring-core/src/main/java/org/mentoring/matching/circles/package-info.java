/**
 * Mentoring circles (learning hubs): one mentor and minSize..maxSize mentees who meet every week at one time. Its own
 * input model ({@link org.mentoring.matching.circles.CircleRequest}, {@link org.mentoring.matching.circles.CircleMentor},
 * {@link org.mentoring.matching.circles.CircleSettings}) so that it can be wired into runs without changing today's
 * records; the pairs keep the exact pair engine's rules and values ({@link org.mentoring.matching.solver.PairEvaluator}).
 */
package org.mentoring.matching.circles;
