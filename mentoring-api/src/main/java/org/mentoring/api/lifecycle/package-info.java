/** The lifecycle API: publishing a run as offers, each side's answer, one's own offers and messages. */
package org.mentoring.api.lifecycle;
