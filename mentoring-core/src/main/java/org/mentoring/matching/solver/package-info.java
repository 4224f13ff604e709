/** The matching constraints, the problem builder, explanations, and the engine that solves runs. */
package org.mentoring.matching.solver;
