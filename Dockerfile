# One image for every route group: the Spring profile picks the group (SPRING_PROFILES_ACTIVE=gcp,processor).
#   mvn -DskipTests package && docker build --platform linux/amd64 -t imageflow .
# linux/amd64: the native image engine's libraries (OpenCV through JavaCPP) are the linux-x86_64 builds.

# Spring Boot's layered jar, split so that an image rebuilt after a code change reuses the dependencies' layer.
FROM eclipse-temurin:17-jre-noble AS layers
WORKDIR /build
COPY target/imageflow.jar imageflow.jar
RUN java -Djarmode=tools -jar imageflow.jar extract --layers --destination extracted

# A JRE on glibc (the native libraries need it, so no Alpine), run as a user without privileges.
FROM eclipse-temurin:17-jre-noble
RUN groupadd --system --gid 10001 imageflow \
 && useradd --system --uid 10001 --gid imageflow --home-dir /app --no-create-home --shell /usr/sbin/nologin imageflow \
 && mkdir -p /app/data \
 && chown imageflow:imageflow /app/data
WORKDIR /app
COPY --from=layers /build/extracted/dependencies/ ./
COPY --from=layers /build/extracted/spring-boot-loader/ ./
COPY --from=layers /build/extracted/snapshot-dependencies/ ./
COPY --from=layers /build/extracted/application/ ./
USER 10001:10001
# 8080: the web app and API; 8081: health, metrics and Hawtio (management.server.port)
EXPOSE 8080 8081
# Local mode keeps its data here; gcp mode keeps nothing on disk.
VOLUME /app/data
# -XX:MaxRAMPercentage: the heap follows the container's memory limit, leaving a quarter for metaspace,
#   threads, direct buffers and native image code.
# -XX:+UseSerialGC: what the JVM picks anyway in a container under 1792 MB (all of ours), named so that the
#   memory measured outside a container (k8s/measure-memory.sh) is the memory used inside one.
# -XX:+ExitOnOutOfMemoryError: a JVM out of memory stops, and Kubernetes starts a fresh one, instead of
#   limping on; the message it held is redelivered.
# org.bytedeco.javacpp.cachedir: JavaCPP unpacks the native libraries here at first load; /tmp is writable
#   (an emptyDir in k8s/, whose root file system is read-only).
# JAVA_TOOL_OPTIONS adds or overrides flags per deployment.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", \
            "-Djava.io.tmpdir=/tmp", "-Dorg.bytedeco.javacpp.cachedir=/tmp/javacpp", \
            "-jar", "imageflow.jar"]
