/** Files for a coordinator's spreadsheet work: people as import files, a run's pairs with contacts. */
package org.mentoring.api.exports;
