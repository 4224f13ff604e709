/** A mentor's places: the one ledger of the places each mentor's offers and mentorships hold. */
package org.mentoring.places;
