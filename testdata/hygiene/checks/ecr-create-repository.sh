#!/usr/bin/env bash
# Create the ECR repositories the pipeline pushes to.
set -euo pipefail
aws ecr create-repository --repository-name app  # expect: ecr-create-repository
# expect-next: ecr-create-repository
aws ecr create-repository --repository-name worker \
  --image-scanning-configuration scanOnPush=true
aws ecr create-repository --repository-name api \
  --image-scanning-configuration scanOnPush=true \
  --image-tag-mutability IMMUTABLE
aws ecr create-repository --cli-input-json file://repo.json
aws ecr describe-repositories --repository-names app
if ! aws ecr describe-repositories --repository-names "$NAME" >/dev/null 2>&1; then
  aws --region eu-west-1 ecr create-repository --repository-name "$NAME" \
    --image-tag-mutability IMMUTABLE --image-scanning-configuration scanOnPush=true
fi
