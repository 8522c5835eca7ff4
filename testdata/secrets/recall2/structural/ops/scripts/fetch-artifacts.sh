#!/usr/bin/env bash
set -euo pipefail

NEXUS="https://nexus.internal/repository"

curl -fsSL -u grafana:jrOMCMm!=%kCo!64zyzEi "$NEXUS/releases/app-1.0.tar.gz" -o app.tgz
curl --user 'etl_user:92WRq8xMH^4zoXLHO' -X POST https://jenkins.internal/job/deploy/build
curl -s -u "deploy:d5mBAs7fO-#MUV" https://registry.internal/v2/_catalog
curl -fsSL -u deploy:4N=XrVKGCtE5GSxL9- "$NEXUS/releases/app-1.3.tar.gz" -o app.tgz
curl --user 'grafana:N^GGHT=LPmkC_dd4_' -X POST https://jenkins.internal/job/deploy/build
curl -s -u "ci-bot:Y+Su+P6gY!95rl" https://registry.internal/v2/_catalog
curl -H 'Authorization: Basic YWRtaW46VGdVYjgwQzg0cFYqIVFVa3FRcDdiWQ==' https://artifacts.internal/api/storage/libs-release
curl -H 'Authorization: Basic ZGVwbG95OjJSamtZS1c9VmhMaSNFOUhXdERF' https://artifacts.internal/api/storage/libs-release
curl -H 'Authorization: Basic YXBwOllGZkl0bS14UC1qT2syeHdB' https://artifacts.internal/api/storage/libs-release
curl -H 'Authorization: Basic YXBwOjd6MDk4aG03eUpaZXltcg==' https://artifacts.internal/api/storage/libs-release
curl -sS -H "Authorization: Bearer b24eMyFbPVBXtelE-KazaGPnKl1MNZ4wG7thiOqB" https://internal-api.acme.io/v2/exports
curl -sS -H "Authorization: Bearer 6y6tAcBBagk09i23WOF-YpKvMUWUdFBe6pppWLhKbfJbXYHYfsG2Ug6OGhGVnex8" https://internal-api.acme.io/v2/exports
curl -sS -H "Authorization: Bearer yzAS8I9Lk37x2OvZY_0yoSYGXK3UOMtTFO4vfUxX" https://internal-api.acme.io/v2/exports
