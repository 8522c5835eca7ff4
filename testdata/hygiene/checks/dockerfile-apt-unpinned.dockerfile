FROM debian:bookworm-slim
# expect-next: dockerfile-apt-unpinned
RUN apt-get update && apt-get install -y --no-install-recommends git=1:2.39.5-0+deb12u3 curl ./local.deb \
    && rm -rf /var/lib/apt/lists/*
# expect-next: dockerfile-apt-unpinned
RUN apt-get -q install -y --no-install-recommends ca-certificates
RUN apt-get install -y --no-install-recommends -o Dpkg::Options::=--force-confold tzdata=2024a-0+deb12u1
USER 10001
