FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends git=1:2.39.5-0+deb12u3 \
    && rm -rf /var/lib/apt/lists/*
# expect-next: dockerfile-apt-recommends
RUN apt-get install -y tzdata=2024a-0+deb12u1
RUN apt-get install -y -o APT::Install-Recommends=false tzdata=2024a-0+deb12u1
USER 10001
