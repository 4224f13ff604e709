/** Direct asks: a researcher with an open request asks one mentor from the directory, within the hard rules. */
package org.mentoring.directask;
