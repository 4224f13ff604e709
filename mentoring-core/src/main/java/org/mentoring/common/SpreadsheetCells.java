package org.mentoring.common;

/** Text cells of a file meant for a spreadsheet. */
public final class SpreadsheetCells {

    private SpreadsheetCells() {
    }

    /**
     * The cell as a spreadsheet shows it, never as a formula: text starting with {@code = + - @}, a tab or a carriage
     * return gets a leading single quote.
     */
    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }
}
