# usage-reports on the Open Liberty image (README, "Deploying"): the configuration in /config,
# features installed at build time, the server run as the image's non-root user (1001), every
# setting from the environment (REPORTS_*). Build from the repository's root:
#   docker build -t usage-reports .
#   docker run -p 9080:9080 -v reports-data:/data usage-reports

# The WAR and the JDBC drivers, built with the repository's Maven wrapper.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q package -DskipTests

FROM icr.io/appcafe/open-liberty:kernel-slim-java17-openj9-ubi-minimal

# Configuration first and features from it, so that this slow layer is rebuilt only when the
# configuration changes. HTTPS's feature is named only when REPORTS_HTTPS=on at run time, so it
# is named here while the features are installed.
COPY --chown=1001:0 report-web/src/main/liberty/config/ /config/
RUN mkdir -p /config/configDropins/defaults \
    && echo '<server><featureManager><feature>transportSecurity-1.0</feature></featureManager></server>' \
        > /config/configDropins/defaults/install-https-feature.xml \
    && features.sh \
    && rm /config/configDropins/defaults/install-https-feature.xml

COPY --from=build --chown=1001:0 /src/report-web/target/jdbc/ /opt/ol/wlp/usr/shared/resources/jdbc/
COPY --from=build --chown=1001:0 /src/report-web/target/report-web.war /config/apps/

# The embedded H2 database and the e-mail outbox live in a volume; with PostgreSQL
# (REPORTS_DB_KIND, REPORTS_DB_URL, …) only the outbox does.
USER root
RUN mkdir -p /data && chown 1001:0 /data && chmod g+rwx /data
USER 1001
ENV REPORTS_DATA_DIR=/data
VOLUME /data
EXPOSE 9080 9443

RUN configure.sh
