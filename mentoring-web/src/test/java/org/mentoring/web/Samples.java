package org.mentoring.web;

/** Sample imports, as a coordinator would write them. */
final class Samples {

    static final String IMPORT = """
            {
              "mentors": [{
                "externalId": "m-017", "name": "Dr. A. Mwangi", "email": "a.mwangi@example.org",
                "institution": "University of Nairobi", "country": "KE", "timeZone": "Africa/Nairobi",
                "languages": ["en", "sw"], "domains": ["planetary-health/climate-health/heat-health"],
                "topics": ["grant-writing", "publishing"], "capacity": 3,
                "availableFrom": "2026-01-01", "availableUntil": "2026-12-31",
                "weeklyAvailability": [{"day": "TUESDAY", "start": "14:00", "end": "16:00"}]
              }],
              "requests": [{
                "externalId": "r-104", "name": "J. Singh", "email": "j.singh@example.org",
                "institution": "University of British Columbia", "country": "CA",
                "timeZone": "America/Vancouver", "careerStage": "POSTDOC", "languages": ["en"],
                "domains": ["planetary-health/climate-health/heat-health", "methods/epidemiology"],
                "goals": ["grant-writing"], "startDate": "2026-02-01", "durationMonths": 6,
                "minOverlapMinutes": 60,
                "weeklyAvailability": [{"day": "TUESDAY", "start": "07:00", "end": "09:00"}],
                "preferredMentorIds": ["m-017"], "excludedMentorIds": [], "priority": false
              }]
            }
            """;

    /**
     * One mentor (m-1, Nairobi, Tue 14:00-17:00) and one priority request (r-1, Paris, Tue 12:00-14:00, the same two
     * hours) who can only be matched with each other.
     */
    static final String PAIR = """
            {"mentors": [{"externalId": "m-1", "name": "Dr. Mentor One", "email": "mentor.one@uni.example.org",
              "institution": "Mentor University", "country": "KE", "timeZone": "Africa/Nairobi",
              "languages": ["en"], "domains": ["planetary-health/climate-health/heat-health"],
              "topics": ["publishing"], "capacity": 1, "availableFrom": "2026-01-01",
              "weeklyAvailability": [{"day": "TUESDAY", "start": "14:00", "end": "17:00"}]}],
             "requests": [{"externalId": "r-1", "name": "Researcher Uno", "email": "uno@uni.example.org",
              "institution": "Other University", "country": "CA", "timeZone": "Europe/Paris",
              "careerStage": "POSTDOC", "languages": ["en"],
              "domains": ["planetary-health/climate-health/heat-health"], "goals": ["publishing"],
              "startDate": "2026-03-01", "durationMonths": 6, "minOverlapMinutes": 60,
              "weeklyAvailability": [{"day": "TUESDAY", "start": "12:00", "end": "14:00"}],
              "preferredMentorIds": [], "excludedMentorIds": [], "priority": true}]}
            """;

    /** Mentor m-017 of {@link #IMPORT} alone, as a form sends it. */
    static final String MENTOR = """
            {"externalId": "m-017", "name": "Dr. A. Mwangi", "email": "a.mwangi@example.org",
             "institution": "University of Nairobi", "country": "KE", "timeZone": "Africa/Nairobi",
             "languages": ["en", "sw"], "domains": ["planetary-health/climate-health/heat-health"],
             "topics": ["grant-writing", "publishing"], "capacity": 3,
             "availableFrom": "2026-01-01", "availableUntil": "2026-12-31",
             "weeklyAvailability": [{"day": "TUESDAY", "start": "14:00", "end": "16:00"}]}
            """;

    static final String MENTORS_CSV = """
            externalId,name,email,institution,country,timeZone,languages,domains,topics,capacity,availableFrom,availableUntil,weeklyAvailability
            m-101,Dr. C. Dubois,c.dubois@example.org,Institut Pasteur,FR,Europe/Paris,fr;en,planetary-health/one-health/zoonoses,publishing,2,2026-01-01,,MON 09:00-11:00;THU 14:00-15:30
            m-102,"Dr. Okafor, PhD",n.okafor@example.org,University of Ibadan,NG,Africa/Lagos,en,methods/epidemiology,grant-writing;fieldwork,3,2026-01-15,2026-12-31,TUE 10:00-12:00
            """;

    static final String REQUESTS_CSV = """
            externalId,name,email,country,timeZone,careerStage,languages,domains,goals,startDate,durationMonths,weeklyAvailability,preferredMentorIds
            r-201,L. García,l.garcia@example.org,CO,America/Bogota,PHD_CANDIDATE,es;en,methods/epidemiology,fieldwork,2026-03-01,6,TUE 07:00-09:00,m-102
            r-202,P. Sharma,p.sharma@example.org,IN,Asia/Kolkata,POSTDOC,en,planetary-health/one-health,publishing,2026-03-01,12,MON 13:00-15:00,m-101;m-017
            """;

    private Samples() {
    }
}
