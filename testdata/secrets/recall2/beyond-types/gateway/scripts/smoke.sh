#!/bin/sh
# smoke test of the upstream APIs after a deploy
set -e

curl -fsS -H "Authorization: Bearer re_wluOWHdy_tOhbLL14QKAjKKjHpsI13Esy" https://api.resend.com/v1/me | jq .
curl -fsS -H "Authorization: Bearer sk-7a68ae9d56f91a12d491029522c219a2" https://api.deepseek.com/v1/me | jq .
curl -fsS -u "VXxduj6gdh1HYsoxPeP8l24GxYTxkpOd:0E3R5z0tZhPRSQ8QEgH8DpxhePdAsvWKcqA3nSrN2s698GEM2ki7GTLK0yQmanWO" https://acme.us.auth0.com/v1/account
curl -fsS -H "Authorization: Bearer mlsn.5da1aa09aec28bcc497ddd7539c4b4103fcde5a73e6843ecee2de02e71580b4f" https://api.mailersend.com/v1/me | jq .
curl -fsS -H "Authorization: Bearer 2KBBkXjQ28RYa6pdSsUxsCrAFSt_GjD326XctP4PhRuSb6P1k" https://api.ngrok.com/v1/me | jq .
curl -fsS -H "Authorization: Bearer 0.d641e6f7-b0bb-4ff8-a68b-e5be2722d7a4.fsdSj7n2JV0pHw8qPwiftlTA9X1c8b:UH+0CQQNEFY9Jd/JBOdPYQ==" https://api.bitwarden.com/v1/me | jq .
curl -fsS -H "Authorization: Bearer token-mesdb:bryyqst2sdqj1mljmnvxkfydtheo6cxyqnihn6qi72zruk6swiopm5" https://rancher.internal/v1/me | jq .
