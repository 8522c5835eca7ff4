ARG PY=3.12
ARG TAGLESS
# expect-next: dockerfile-unpinned-from
FROM python
# expect-next: dockerfile-unpinned-from
FROM node:latest AS web
# expect-next: dockerfile-unpinned-from
FROM --platform=linux/amd64 ghcr.io/org/app:latest
FROM python:${PY}-slim AS build
FROM python:3.12-slim@sha256:3783cc01769c7b2b1b83a5c5ad96c815348e28ed7da68e2e3687004faa906251
FROM registry.example.com:443/app:1.2
FROM base${TAGLESS}
FROM scratch
FROM web
FROM build
# hadolint ignore=DL3007
FROM redis:latest
USER 10001
# An ignore of DL3007 does not cover an untagged image (DL3006).
# hadolint ignore=DL3007 # expect-next: dockerfile-unpinned-from
FROM memcached
# hadolint ignore=DL3006
FROM postgres
USER 10001
