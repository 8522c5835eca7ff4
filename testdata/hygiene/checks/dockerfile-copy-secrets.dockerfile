# The fixture directory has no .dockerignore, so copying the whole context is flagged.
FROM python:3.12-slim AS build
# expect-next: dockerfile-copy-secrets
COPY . /app
COPY requirements.txt app.py /app/
# expect-next: dockerfile-copy-secrets dockerfile-add-local
ADD --chown=10001 ./ /srv/

FROM python:3.12-slim
COPY --from=build /app /app
USER 10001
