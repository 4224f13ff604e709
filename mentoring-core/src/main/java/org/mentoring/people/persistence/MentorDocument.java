package org.mentoring.people.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.LastModifiedDate;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A mentor in the {@code mentors} collection. */
// the directory filtered by country or by language, in externalId order
@CompoundIndex(name = "country_externalId", def = "{'country': 1, 'externalId': 1}")
@CompoundIndex(name = "languages_externalId", def = "{'languages': 1, 'externalId': 1}")
// the coordinator's search (PeopleSearch): by name, narrowed by domain
@CompoundIndex(name = "name_externalId", def = "{'name': 1, 'externalId': 1}")
@CompoundIndex(name = "domains_name", def = "{'domains': 1, 'name': 1}")
// the mentors paused beyond a day (MentorService.pausedOn)
@CompoundIndex(name = "pausedUntil", def = "{'pausedUntil': 1}")
@Document("mentors")
class MentorDocument {

    static final String COLLECTION = "mentors";

    @Id
    private String id;
    @Indexed(unique = true)
    private String externalId;
    private String name;
    @Indexed(unique = true)
    private String email;
    private String institution;
    private String country;
    private String timeZone;
    private List<String> languages;
    @Indexed
    private List<String> domains;
    private List<String> topics;
    private int capacity;
    private int circles;
    private LocalDate availableFrom;
    private LocalDate availableUntil;
    private List<SlotDocument> weeklyAvailability;
    /** No new mentee before this date (the mentor paused); null when not paused. Not part of the profile record. */
    private LocalDate pausedUntil;
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

    public List<String> getTopics() {
        return topics;
    }

    public void setTopics(List<String> topics) {
        this.topics = topics;
    }

    public int getCapacity() {
        return capacity;
    }

    public void setCapacity(int capacity) {
        this.capacity = capacity;
    }

    public int getCircles() {
        return circles;
    }

    public void setCircles(int circles) {
        this.circles = circles;
    }

    public LocalDate getAvailableFrom() {
        return availableFrom;
    }

    public void setAvailableFrom(LocalDate availableFrom) {
        this.availableFrom = availableFrom;
    }

    public LocalDate getAvailableUntil() {
        return availableUntil;
    }

    public void setAvailableUntil(LocalDate availableUntil) {
        this.availableUntil = availableUntil;
    }

    public LocalDate getPausedUntil() {
        return pausedUntil;
    }

    public void setPausedUntil(LocalDate pausedUntil) {
        this.pausedUntil = pausedUntil;
    }

    public List<SlotDocument> getWeeklyAvailability() {
        return weeklyAvailability;
    }

    public void setWeeklyAvailability(List<SlotDocument> weeklyAvailability) {
        this.weeklyAvailability = weeklyAvailability;
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
