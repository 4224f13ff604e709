/** Exceptions the core throws for the API to turn into problem details; none carries an HTTP status. */
package org.mentoring.common;
