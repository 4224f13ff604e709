/** The matching benchmark: the engine against the exact optimum and a greedy baseline on generated communities. */
package org.mentoring.benchmark;
