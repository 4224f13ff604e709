/** A seeded generator of realistic Communities of Practice, for the demo data, tests and the benchmark. */
package org.mentoring.demo;
