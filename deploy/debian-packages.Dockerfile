# Debian packages as an image, on a given Debian bookworm base: how a machine without a registry makes
# its NATS and Prometheus images for docker-compose.yml (e2e/compose.test.ts does this):
#   docker build -f deploy/debian-packages.Dockerfile --build-arg BASE=IMAGE \
#     --build-arg PACKAGES="nats-server wget" -t inferos-nats deploy
ARG BASE=debian:bookworm-slim
FROM ${BASE}
ARG PACKAGES
RUN test -n "${PACKAGES}" || { echo "--build-arg PACKAGES= names the packages" >&2; exit 1; } \
 && apt-get update \
 && apt-get install -y --no-install-recommends ${PACKAGES} \
 && rm -rf /var/lib/apt/lists/*
