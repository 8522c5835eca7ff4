# gate as a container image, for GitLab CI and any runner that takes images:
#
#     docker build -t gate .
#     docker run --rm --user "$(id -u):$(id -g)" -v "$PWD:/src" gate scan .
#
# Stage 1 builds a static musl binary; stage 2 is a slim Debian with only git
# (for `gate scan --staged` / `--git`) and that binary, run as a non-root user.
# Base images are pinned by digest (bump the digest and the tag together);
# the apt pins are the versions in those bases' suites.

FROM rust:1.98.0-slim-bookworm@sha256:f5b930229aa3a991d2ad65e358fc460719ddc404e5af6cb044d57215abce933e AS build
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
# musl-tools: the C parts (tree-sitter) compile against musl for a static binary.
RUN apt-get update \
    && apt-get install -y --no-install-recommends musl-tools=1.2.3-1 \
    && rm -rf /var/lib/apt/lists/* \
    && rustup target add "$(uname -m)-unknown-linux-musl"
WORKDIR /src
# Only what the build reads (see .dockerignore): no tests, no fixtures.
COPY Cargo.toml Cargo.lock build.rs ./
COPY src ./src
COPY rules ./rules
COPY benches ./benches
ENV CARGO_PROFILE_RELEASE_STRIP=true
RUN target="$(uname -m)-unknown-linux-musl" \
    && cargo build --release --locked --target "$target" \
    && cp "target/$target/release/gate" /gate \
    && /gate --version

FROM debian:bookworm-20260918-slim@sha256:3783cc01769c7b2b1b83a5c5ad96c815348e28ed7da68e2e3687004faa906251
RUN apt-get update \
    && apt-get install -y --no-install-recommends git=1:2.39.5-0+deb12u3 ca-certificates=20230311+deb12u1 \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --gid 10001 gate \
    && useradd --create-home --uid 10001 --gid 10001 --shell /usr/sbin/nologin gate
COPY --from=build /gate /usr/local/bin/gate
USER 10001:10001
WORKDIR /src
ENTRYPOINT ["/usr/local/bin/gate"]
CMD ["scan", "."]
