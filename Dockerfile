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
# Class-data sharing and native libraries, for a fast start (docs/performance.md, "Cold start"): one training start
# of the processor, the group KEDA starts from zero, writes the classes it loaded to imageflow.jsa, which every
# start then maps instead of loading and verifying them from the jars; the same start unpacks JavaCPP's native
# libraries into /app/javacpp, so that no start unpacks them again. It runs in gcp mode against a Pub/Sub address
# where nothing listens, with blobs in a directory, and stops itself 5 s after its context is up. The flags that
# decide whether an archive fits the JVM match the ENTRYPOINT's: the same jar path, the serial GC, and compressed
# pointers (-Xmx512m keeps them on, as every pod's heap under 32 GB does; a build host's RAM would not).
RUN mkdir /tmp/training \
 && java -Xmx512m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError -XX:ArchiveClassesAtExit=imageflow.jsa \
      -Djava.io.tmpdir=/tmp/training -Dorg.bytedeco.javacpp.cachedir=/app/javacpp -jar imageflow.jar \
      --spring.profiles.active=gcp,processor --imageflow.storage=local --imageflow.data-dir=/tmp/training \
      --camel.component.google-pubsub.endpoint=127.0.0.1:9 --camel.component.google-pubsub.authenticate=false \
      --camel.main.duration-max-seconds=5 --server.port=0 --management.server.port=0 \
 && rm -rf /tmp/training
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
# -XX:SharedArchiveFile: the class archive made above; a JVM it does not fit ignores it and loads from the jars.
#   With an agent that rewrites classes (-javaagent, or JFR from the start) in JAVA_TOOL_OPTIONS, add -Xshare:off:
#   JDK 17.0.15 crashed here with JFR and this archive (JDK-8343427, class file load hook on multi-release jars).
# org.bytedeco.javacpp.cachedir: the native libraries unpacked above, read-only at run time (k8s/ mounts the root
#   file system read-only); a library missing there would be unpacked at load and fail, and the native engine
#   with it (the pure-Java one then takes every image, with a warning in the log).
# JAVA_TOOL_OPTIONS adds flags per deployment; it cannot change the ones above (the JVM reads it before them).
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", \
            "-XX:SharedArchiveFile=imageflow.jsa", \
            "-Djava.io.tmpdir=/tmp", "-Dorg.bytedeco.javacpp.cachedir=/app/javacpp", \
            "-jar", "imageflow.jar"]
