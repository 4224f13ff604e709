package org.mentoring.people.importing;

import java.util.List;
import org.mentoring.common.InvalidInputException;

/** An import with rejected records: nothing was written; the report says what is wrong with each record. */
public class ImportRejectedException extends InvalidInputException {

    private final transient ImportReport report;

    public ImportRejectedException(ImportReport report) {
        super(summary(report), report.rejections().stream()
                .map(rejection -> new FieldError(rejection.field(), rejection.message()))
                .toList());
        this.report = report;
    }

    public ImportReport report() {
        return report;
    }

    private static String summary(ImportReport report) {
        List<Rejection> rejections = report.rejections();
        return report.rejected() + (report.rejected() == 1 ? " record was" : " records were")
                + " rejected, so nothing was imported. First: " + rejections.get(0).message();
    }
}
