FROM debian:bookworm-slim AS build
RUN apt-get update  # expect: dockerfile-apt-update-alone
RUN apt-get install -y --no-install-recommends gcc=4:12.2.0-3

FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends git=1:2.39.5-0+deb12u3 \
    && rm -rf /var/lib/apt/lists/*
RUN apt-get update -q && apt-get -y upgrade && rm -rf /var/lib/apt/lists/*
USER 10001
