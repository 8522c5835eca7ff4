#!/usr/bin/env bash
set -euo pipefail

NEXUS="https://nexus.internal/repository"

curl -fsSL -u svc_reports:vT^3bFXW7sFFo+oa-0A "$NEXUS/releases/app-1.0.tar.gz" -o app.tgz
curl --user 'admin:ekN1kleAooUKdH2' -X POST https://jenkins.internal/job/deploy/build
curl -s -u "backup:5ts#Ds5LvQxgOS" https://registry.internal/v2/_catalog
curl -fsSL -u etl_user:LIlnPY2SYWMT%*1C "$NEXUS/releases/app-1.3.tar.gz" -o app.tgz
curl --user 'grafana:FU*ea5z+HD+hkkn!!#^' -X POST https://jenkins.internal/job/deploy/build
curl -s -u "backup:2bfxY4bE^6r3_uKHVVshQq" https://registry.internal/v2/_catalog
curl -H 'Authorization: Basic YXBwOlExYktRS2dxM3o3YUJkKw==' https://artifacts.internal/api/storage/libs-release
curl -H 'Authorization: Basic ZXRsX3VzZXI6ZnpReVpaY2NNKmk9S0k2R2NqITZw' https://artifacts.internal/api/storage/libs-release
curl -H 'Authorization: Basic Y2ktYm90OjE9VFZMQ3NjQmcyaHd5WWs=' https://artifacts.internal/api/storage/libs-release
curl -H 'Authorization: Basic ZGVwbG95OmdVa09BMDljd0ZSMHBVbiNSIw==' https://artifacts.internal/api/storage/libs-release
curl -sS -H "Authorization: Bearer tvY72sXBDozFx3m_ocBkEp4W1IeQPG5XNG84EBhCo1jIUpKW" https://internal-api.acme.io/v2/exports
curl -sS -H "Authorization: Bearer -FkEpV3SxI61y36KRmVV2RWOnqtxnmHwhaeLKCVC" https://internal-api.acme.io/v2/exports
curl -sS -H "Authorization: Bearer Up9Ah_-yugBKRx7rJuc7GmwUAbm76QL4-KE0JwoW_JvvD_67dnPff8awbRvaSl-e" https://internal-api.acme.io/v2/exports
