FROM python:3.12-slim
# expect-next: dockerfile-secret-env
ARG GITHUB_TOKEN
# expect-next: dockerfile-secret-env
ARG VITE_API_KEY=""
ARG GITHUB_TOKEN_FILE
ARG USERNAME=app
ARG BUILD_VERSION=1.0
# expect-next: dockerfile-secret-env
ARG NPM_TOKEN=abc123
# expect-next: dockerfile-secret-env
ENV DB_PASSWORD=hunter2 APP_ENV=prod
# expect-next: dockerfile-secret-env
ENV AWS_SECRET_ACCESS_KEY wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY
# expect-next: dockerfile-secret-env
ENV GITHUB_TOKEN=${GITHUB_TOKEN}
ENV DB_PASSWORD_FILE=/run/secrets/db_password
ENV SECRET_KEY_PATH=/run/secrets/key TOKEN_URL=https://auth.example.com/token
ENV API_TOKEN=
USER 10001
