#!/bin/sh
# smoke test of the upstream APIs after a deploy
set -e

curl -fsS -H "Authorization: Bearer glpat-8SQEBvKpo4DfQoNtuTXW" https://gitlab.com/v1/me | jq .
curl -fsS -H "Authorization: Bearer 18c1c0d29fc89aebfd0ab5850d537a19-us2" https://us6.api.mailchimp.com/v1/me | jq .
curl -fsS -H "Authorization: Bearer 2e9df73155e2fb84ac2da5c47a8fde1b" https://api.datadoghq.com/v1/me | jq .
curl -fsS -H "Authorization: Bearer ATATT3xFfGF0U9cEB4bz-L3m_f9QmBjhT1waPgYDsYgSutKP32gSpnvZng3x31e8VM6gY1URLJDIXpmCEWjT7x56RA2NEt4KCj39wxoSoZrGsFHplUpHh8lKht0XSz2_pX42xLqPQi9GOW46DW6wceJMaVUUCia906A361sFE4YBt8iAHH3ocB=EEC714AD" https://acme.atlassian.net/v1/me | jq .
curl -fsS -H "Authorization: Bearer sl._Am-fJSntLiXdJcZAn1N_S9i1PiKwDn41sNCbF3jGODI9SnYTsBdtRXSgDQOqNjK6BuCVR4uXiYIHaUT0qtoSJdlN3l2QnZM8EtinXWpUE8-TcJXEtd9afJOTaPz_VCcnANyhTCR" https://api.dropboxapi.com/v1/me | jq .
curl -fsS -H "Authorization: Bearer API-UJ92SDNP55DRRL856GQYVFS6EURCOSOP" https://octopus.internal/v1/me | jq .
curl -fsS -H "Authorization: Bearer 00h06disnXcmS2qzd122H4nPXijCguq1l_jV2UIp6X" https://acme.okta.com/v1/me | jq .
