package org.mentoring.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.datatype.jsr310.ser.LocalTimeSerializer;
import java.io.File;
import java.io.IOException;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.mentoring.demo.CommunityGenerator;

/**
 * Writes a generated community as the body of {@code POST /api/v1/import}, for timing the import and a run on the
 * app ({@code scripts/service-benchmark.sh}). Arguments: requests, mentors, seed, output file.
 */
public final class ImportPayload {

    private ImportPayload() {
    }

    public static void main(String[] args) throws IOException {
        int requests = Integer.parseInt(args[0]);
        int mentors = Integer.parseInt(args[1]);
        long seed = Long.parseLong(args[2]);
        CommunityGenerator.Community community = new CommunityGenerator(seed).generate(requests, mentors);
        JavaTimeModule time = new JavaTimeModule();
        time.addSerializer(LocalTime.class, new LocalTimeSerializer(DateTimeFormatter.ofPattern("HH:mm")));
        ObjectMapper json = new ObjectMapper().registerModule(time)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        json.writeValue(new File(args[3]), Map.of("mentors", community.mentors(), "requests", community.requests()));
    }
}
