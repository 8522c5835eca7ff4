# The final stage inherits USER from the stage it is built FROM.
FROM python:3.12-slim AS base
RUN useradd --uid 10001 app
USER app

FROM base AS test
RUN echo fine

FROM python:3.12-slim
COPY --from=base /etc/passwd /etc/passwd
USER app
# Switching back to root for the last word is what counts.
# expect-next: dockerfile-root-user
USER root:root
CMD ["python"]
