# Multi-stage build of the one executable jar; used by docker-compose.yml.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY mentoring-core/pom.xml mentoring-core/
COPY mentoring-api/pom.xml mentoring-api/
COPY mentoring-web/pom.xml mentoring-web/
RUN ./mvnw -B -ntp -q dependency:go-offline -pl mentoring-web -am || true
COPY . .
RUN ./mvnw -B -ntp -q -DskipTests package -pl mentoring-web -am

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends wget && rm -rf /var/lib/apt/lists/* \
    && useradd --system --create-home --home-dir /app mentoring
WORKDIR /app
COPY --from=build /src/mentoring-web/target/mentoring-web-*.jar /app/mentoring.jar
USER mentoring
ENV MENTORING_DATA_DIR=/app/data
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/mentoring.jar"]
