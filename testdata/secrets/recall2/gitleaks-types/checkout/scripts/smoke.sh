#!/bin/sh
# smoke test of the upstream APIs after a deploy
set -e

curl -fsS -H "Authorization: Bearer pnu_RSafdwsRgfOthjYRHMry6mc75VvklwT5d7ag" https://api.prefect.cloud/v1/me | jq .
curl -fsS -H "Authorization: Bearer AQVNAoeZa5HAFNlvkfvUVXRjptUrKolIAk5F8SKy" https://llm.api.cloud.yandex.net/v1/me | jq .
curl -fsS -H "Authorization: Bearer KP0PZTePGrJV4Of5lMNmHDYrjtNndOu9PmWV0jAS" https://acme.zendesk.com/v1/me | jq .
curl -fsS -H "Authorization: Bearer 8qq7htrkomv7glrb9oqxtr2di5" https://chat.internal/v1/me | jq .
curl -fsS -H "Authorization: Bearer 5emqb2tfa1vFHfaB7KuC9wuaQ" https://rest.messagebird.com/v1/me | jq .
