/** The whole store as one archive, and its restore into an empty instance. */
package org.mentoring.backup;
