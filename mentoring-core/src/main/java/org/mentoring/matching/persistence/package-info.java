/** How matching runs, their proposals, inputs and the accepted mentorships are kept in MongoDB. */
package org.mentoring.matching.persistence;
