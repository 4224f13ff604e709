package org.mentoring.people.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.mentoring.people.CareerStage;
import org.mentoring.people.RequestFormat;
import org.mentoring.people.RequestStatus;
import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.LastModifiedDate;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A mentorship request in the {@code requests} collection, with its status. */
// requests by status or by country, in externalId order
@CompoundIndex(name = "status_externalId", def = "{'status': 1, 'externalId': 1}")
@CompoundIndex(name = "country_externalId", def = "{'country': 1, 'externalId': 1}")
// the coordinator's search (PeopleSearch): by name, narrowed by status, domain or both
@CompoundIndex(name = "name_externalId", def = "{'name': 1, 'externalId': 1}")
@CompoundIndex(name = "status_name", def = "{'status': 1, 'name': 1}")
@CompoundIndex(name = "domains_name", def = "{'domains': 1, 'name': 1}")
@CompoundIndex(name = "status_domains_name", def = "{'status': 1, 'domains': 1, 'name': 1}")
// one request per researcher and cycle (a document without a cycle is in the cycle "default")
@CompoundIndex(name = "email_cycle", def = "{'email': 1, 'cycle': 1}", unique = true)
// a researcher's own requests in externalId order
@CompoundIndex(name = "email_externalId", def = "{'email': 1, 'externalId': 1}")
// a cycle's requests by status (a run reads a cycle's OPEN requests), and a cycle's requests in externalId order
@CompoundIndex(name = "cycle_status", def = "{'cycle': 1, 'status': 1}")
@CompoundIndex(name = "cycle_externalId", def = "{'cycle': 1, 'externalId': 1}")
@Document("requests")
class MentorshipRequestDocument {

    static final String COLLECTION = "requests";

    @Id
    private String id;
    @Indexed(unique = true)
    private String externalId;
    private String name;
    private String email;
    private String institution;
    private String country;
    private String timeZone;
    private CareerStage careerStage;
    private List<String> languages;
    @Indexed
    private List<String> domains;
    private List<String> goals;
    private LocalDate startDate;
    private int durationMonths;
    private int minOverlapMinutes;
    private List<SlotDocument> weeklyAvailability;
    private List<String> preferredMentorIds;
    private List<String> excludedMentorIds;
    private boolean priority;
    /** Null in requests stored before circles: read as ONE_TO_ONE. */
    private RequestFormat format;
    private RequestStatus status;
    private String cycle;
    @Version
    private Long version;
    @CreatedDate
    private Instant createdAt;
    @LastModifiedDate
    private Instant updatedAt;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getExternalId() {
        return externalId;
    }

    public void setExternalId(String externalId) {
        this.externalId = externalId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getInstitution() {
        return institution;
    }

    public void setInstitution(String institution) {
        this.institution = institution;
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public CareerStage getCareerStage() {
        return careerStage;
    }

    public void setCareerStage(CareerStage careerStage) {
        this.careerStage = careerStage;
    }

    public List<String> getLanguages() {
        return languages;
    }

    public void setLanguages(List<String> languages) {
        this.languages = languages;
    }

    public List<String> getDomains() {
        return domains;
    }

    public void setDomains(List<String> domains) {
        this.domains = domains;
    }

    public List<String> getGoals() {
        return goals;
    }

    public void setGoals(List<String> goals) {
        this.goals = goals;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public void setStartDate(LocalDate startDate) {
        this.startDate = startDate;
    }

    public int getDurationMonths() {
        return durationMonths;
    }

    public void setDurationMonths(int durationMonths) {
        this.durationMonths = durationMonths;
    }

    public int getMinOverlapMinutes() {
        return minOverlapMinutes;
    }

    public void setMinOverlapMinutes(int minOverlapMinutes) {
        this.minOverlapMinutes = minOverlapMinutes;
    }

    public List<SlotDocument> getWeeklyAvailability() {
        return weeklyAvailability;
    }

    public void setWeeklyAvailability(List<SlotDocument> weeklyAvailability) {
        this.weeklyAvailability = weeklyAvailability;
    }

    public List<String> getPreferredMentorIds() {
        return preferredMentorIds;
    }

    public void setPreferredMentorIds(List<String> preferredMentorIds) {
        this.preferredMentorIds = preferredMentorIds;
    }

    public List<String> getExcludedMentorIds() {
        return excludedMentorIds;
    }

    public void setExcludedMentorIds(List<String> excludedMentorIds) {
        this.excludedMentorIds = excludedMentorIds;
    }

    public boolean isPriority() {
        return priority;
    }

    public void setPriority(boolean priority) {
        this.priority = priority;
    }

    public RequestFormat getFormat() {
        return format;
    }

    public void setFormat(RequestFormat format) {
        this.format = format;
    }

    public RequestStatus getStatus() {
        return status;
    }

    public void setStatus(RequestStatus status) {
        this.status = status;
    }

    /** The cycle's code; {@code default} for a request stored before cycles existed. */
    public String getCycle() {
        return cycle == null ? org.mentoring.cycles.Cycle.DEFAULT_CODE : cycle;
    }

    public void setCycle(String cycle) {
        this.cycle = cycle;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
    }
}
