package org.mentoring.backup;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.mentoring.common.InvalidInputException;

/**
 * Reads an archive entry by entry and line by line within {@link RestoreLimits}: it stops as soon as a line, the
 * inflated total or the number of entries goes over its limit, so a zip bomb costs a few megabytes of reading.
 * Lines must be UTF-8.
 */
final class ArchiveReader implements Closeable {

    private final ZipInputStream zip;
    private final RestoreLimits limits;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int end;
    private boolean entryEnded;
    private byte[] line = new byte[1024];
    private long inflated;
    private int entries;
    private String entry;
    private long lineNumber;

    ArchiveReader(InputStream archive, RestoreLimits limits) {
        this.zip = new ZipInputStream(archive, StandardCharsets.UTF_8);
        this.limits = limits;
    }

    /** The name of the next entry, or null after the last one. */
    String nextEntry() throws IOException {
        ZipEntry next;
        try {
            next = zip.getNextEntry();
        } catch (ZipException | IllegalArgumentException e) {
            throw BackupService.invalid("the archive is not a readable zip: " + Shown.text(e.getMessage()));
        }
        if (next == null) {
            entry = null;
            return null;
        }
        if (++entries > limits.maxEntries()) {
            throw BackupService.invalid("the archive holds more than " + limits.maxEntries()
                    + " entries; a backup holds one per collection and its manifest");
        }
        entry = next.getName();
        lineNumber = 0;
        position = 0;
        end = 0;
        entryEnded = false;
        return entry;
    }

    /** The number of the line {@link #nextLine} read last, from 1. */
    long lineNumber() {
        return lineNumber;
    }

    /** The rest of the current entry, refused when longer than {@code max} bytes. */
    byte[] readAll(int max, String what) throws IOException {
        byte[] all = new byte[0];
        while (fill()) {
            if (all.length + (end - position) > max) {
                throw BackupService.invalid(what + " is larger than " + max + " bytes");
            }
            int from = all.length;
            all = Arrays.copyOf(all, from + end - position);
            System.arraycopy(buffer, position, all, from, end - position);
            position = end;
        }
        return all;
    }

    /** The next line of the current entry without its line end, or null at the end of the entry. */
    String nextLine() throws IOException {
        int length = 0;
        boolean any = false;
        while (true) {
            if (!fill()) {
                if (!any) {
                    return null;
                }
                break;
            }
            any = true;
            int newline = -1;
            for (int i = position; i < end; i++) {
                if (buffer[i] == '\n') {
                    newline = i;
                    break;
                }
            }
            int stop = newline < 0 ? end : newline;
            int chunk = stop - position;
            if (length + chunk > limits.maxLineBytes()) {
                throw BackupService.invalid(Shown.text(entry) + " line " + (lineNumber + 1) + " is longer than "
                        + limits.maxLineBytes() + " bytes; no document of a backup is that long");
            }
            if (line.length < length + chunk) {
                line = Arrays.copyOf(line, Math.min(limits.maxLineBytes(), Math.max(line.length * 2, length + chunk)));
            }
            System.arraycopy(buffer, position, line, length, chunk);
            length += chunk;
            position = newline < 0 ? end : newline + 1;
            if (newline >= 0) {
                break;
            }
        }
        lineNumber++;
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(line, 0, length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw BackupService.invalid(Shown.text(entry) + " line " + lineNumber + " is not UTF-8 text");
        }
    }

    /** Makes sure bytes of the current entry are buffered; false at its end. */
    private boolean fill() throws IOException {
        if (position < end) {
            return true;
        }
        if (entryEnded) {
            return false;
        }
        int read;
        try {
            read = zip.read(buffer, 0, buffer.length);
        } catch (ZipException e) {
            throw BackupService.invalid("the archive is not a readable zip: " + Shown.text(e.getMessage()));
        }
        if (read < 0) {
            entryEnded = true;
            return false;
        }
        inflated += read;
        if (inflated > limits.maxInflatedBytes()) {
            throw BackupService.invalid("the archive inflates to more than " + limits.maxInflatedBytes() / (1024 * 1024)
                    + " MB (mentoring.restore.max-inflated-size); it is not a backup of this application, or a"
                    + " larger one than this instance accepts");
        }
        position = 0;
        end = read;
        return true;
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
