package org.mentoring.web.admin;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mentoring.people.importing.Rejection;
import org.mentoring.people.importing.SpreadsheetFiles;

/**
 * What a coordinator's session keeps of the import page: the files of the last upload (so that a dry run's files are
 * imported without choosing them again) and, after rejections, the rejected rows of each file to download and fix.
 * At most two files of 20 MB each and their rejected rows; gone with the session.
 */
public final class ImportUploads implements Serializable {

    static final String SESSION_KEY = ImportUploads.class.getName();

    /** One uploaded file. */
    public record File(String name, byte[] content) implements Serializable {

        public String size() {
            return content.length < 1024 ? content.length + " bytes" : (content.length + 1023) / 1024 + " KB";
        }
    }

    private final Map<String, File> kept = new LinkedHashMap<>();
    private final Map<String, File> rejected = new LinkedHashMap<>();

    File kept(String kind) {
        return kept.get(kind);
    }

    void keep(String kind, File file) {
        kept.put(kind, file);
    }

    void forgetKept() {
        kept.clear();
    }

    File rejected(String kind) {
        return rejected.get(kind);
    }

    Map<String, File> allRejected() {
        return Map.copyOf(rejected);
    }

    /**
     * Keeps, for each file of the upload, its rows that the import rejected, with their reasons, as a file to fix;
     * files without rejected rows keep none.
     */
    void rememberRejected(Map<String, File> files, List<Rejection> rejections) {
        rejected.clear();
        files.forEach((kind, file) -> {
            Map<Long, String> reasons = new LinkedHashMap<>();
            String prefix = file.name() + " line ";
            for (Rejection rejection : rejections) {
                if (rejection.location() != null && rejection.location().startsWith(prefix)) {
                    try {
                        long line = Long.parseLong(rejection.location().substring(prefix.length()).strip());
                        reasons.merge(line, rejection.reason(), (a, b) -> a + "; " + b);
                    } catch (NumberFormatException notALine) {
                        // a rejection of the whole file: no row to give back
                    }
                }
            }
            if (!reasons.isEmpty()) {
                String csv = SpreadsheetFiles.rejectedRows(file.content(), file.name(), reasons);
                String base = file.name().replaceAll("\\.(csv|xlsx|txt)$", "");
                rejected.put(kind, new File("rejected-" + base + ".csv",
                        csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            }
        });
    }
}
