FROM debian:bookworm-slim AS build
RUN apt-get update && apt-get install -y --no-install-recommends gcc=4:12.2.0-3

FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends git=1:2.39.5-0+deb12u3 \
    && rm -rf /var/lib/apt/lists/*
# expect-next: dockerfile-apt-lists
RUN apt-get update && apt-get install -y --no-install-recommends tzdata=2024a-0+deb12u1
RUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8
RUN set -eux; \
    apt-get update; \
    apt-get install -y --no-install-recommends gnupg=2.4.7-21; \
    apt-get dist-clean
USER 10001
