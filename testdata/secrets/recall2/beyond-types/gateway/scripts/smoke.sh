#!/bin/sh
# smoke test of the upstream APIs after a deploy
set -e

curl -fsS -H "Authorization: Bearer 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" https://api.smith.langchain.com/v1/me | jq .
curl -fsS -H "Authorization: Bearer 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" https://oauth2.googleapis.com/v1/me | jq .
curl -fsS -H "Authorization: Bearer sk_sbox_8ji894ic8qd4buy7qph6oawxlf" https://api.sandbox.checkout.com/v1/me | jq .
curl -fsS -u "2ce8c56ebea5f2420f7f4d35fe0f5110:3ae54edc9c8d0db221fa51a53a65d200" https://accounts.spotify.com/v1/account
curl -fsS -H "Authorization: Bearer 2QNDCG7ZEZ12GZBH6MH4SFFI2ZE38OAE508A" https://api.vultr.com/v1/me | jq .
curl -fsS -H "Authorization: Bearer u7763342-d6c51dba7f0e1b04c6f63d7e" https://api.uptimerobot.com/v1/me | jq .
curl -fsS -u "I0G0AFD6UCWVV7EQHVVY:l4DxvCZahbqGnRb2q2E0WcwLBMsl5Sq2rFQDI0Ma" https://iam.myhuaweicloud.com/v1/account
