/** Helpers shared by the core tests. */
package org.mentoring.testing;
