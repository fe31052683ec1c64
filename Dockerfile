# 亲情桥 Qinqing — two stages: build the jar with the Maven wrapper, run it on a JRE as a non-root user.
#   docker compose up -d --build        (see docker-compose.yml and .env.example)

# ---- build ----------------------------------------------------------------------------------------
FROM eclipse-temurin:17-jdk AS build
WORKDIR /build

# Dependencies first: this layer is reused until pom.xml or the wrapper changes.
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN chmod +x mvnw && ./mvnw -B -q dependency:go-offline

# Then the code and the bot's wording (bot-scripts/ is packaged onto the classpath by pom.xml).
COPY src/ src/
COPY bot-scripts/ bot-scripts/
RUN ./mvnw -B -q -DskipTests package

# ---- runtime --------------------------------------------------------------------------------------
FROM eclipse-temurin:17-jre

RUN groupadd --system qinqing \
    && useradd --system --gid qinqing --home-dir /app --shell /usr/sbin/nologin qinqing \
    && mkdir -p /app/data \
    && chown qinqing:qinqing /app/data

WORKDIR /app
COPY --from=build /build/target/qinqing-*.jar /app/app.jar

# Only used by demo mode without REDIS_URL (embedded redis-server keeps its data here); prod ignores it.
ENV QINQING_DATA_DIR=/app/data

USER qinqing
EXPOSE 8080
# No HEALTHCHECK here: docker-compose.yml checks /actuator/health.
ENTRYPOINT ["java","-XX:MaxRAMPercentage=75","-jar","/app/app.jar"]
