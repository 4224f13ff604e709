/**
 * The planning model: built fresh for each run, carrying only OptaPlanner annotations, never stored or sent as is.
 */
package org.mentoring.matching.domain;
