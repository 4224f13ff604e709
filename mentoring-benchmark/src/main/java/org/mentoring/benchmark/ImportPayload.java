package org.mentoring.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.datatype.jsr310.ser.LocalTimeSerializer;
import java.io.File;
import java.io.IOException;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.mentoring.demo.CommunityGenerator;

/**
 * Writes a generated community as bodies of {@code POST /api/v1/import}, for timing the import and a run on the app
 * ({@code scripts/service-benchmark.sh}). The app refuses bodies over 20 MB, so a large community is split: the
 * mentors first, then the requests, at most {@code recordsPerBody} records a body (10,000 records of the generator
 * are about 6 to 8 MB), written as {@code import-01.json}, {@code import-02.json}, ... in the output directory, to be
 * sent in that order. Arguments: requests, mentors, seed, output directory, optionally records per body.
 */
public final class ImportPayload {

    private ImportPayload() {
    }

    public static void main(String[] args) throws IOException {
        int requests = Integer.parseInt(args[0]);
        int mentors = Integer.parseInt(args[1]);
        long seed = Long.parseLong(args[2]);
        File directory = new File(args[3]);
        int perBody = args.length > 4 ? Integer.parseInt(args[4]) : 10_000;
        CommunityGenerator.Community community = new CommunityGenerator(seed).generate(requests, mentors);
        JavaTimeModule time = new JavaTimeModule();
        time.addSerializer(LocalTime.class, new LocalTimeSerializer(DateTimeFormatter.ofPattern("HH:mm")));
        ObjectMapper json = new ObjectMapper().registerModule(time)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        directory.mkdirs();
        int body = 0;
        for (int from = 0; from < community.mentors().size(); from += perBody) {
            List<?> part = community.mentors().subList(from, Math.min(from + perBody, community.mentors().size()));
            json.writeValue(file(directory, ++body), Map.of("mentors", part, "requests", List.of()));
        }
        for (int from = 0; from < community.requests().size(); from += perBody) {
            List<?> part = community.requests().subList(from, Math.min(from + perBody, community.requests().size()));
            json.writeValue(file(directory, ++body), Map.of("mentors", List.of(), "requests", part));
        }
    }

    private static File file(File directory, int body) {
        return new File(directory, String.format("import-%02d.json", body));
    }
}
