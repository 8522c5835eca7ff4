# No USER anywhere in the final stage: it runs as root.
FROM python:3.12-slim AS build
USER 10001
RUN echo build

# expect-next: dockerfile-no-user
FROM python:3.12-slim
COPY --from=build /app /app
CMD ["python", "/app/main.py"]
