#!/usr/bin/env bash
# Create the ECR repository the pipelines push to.
set -euo pipefail
aws ecr describe-repositories --repository-names app >/dev/null 2>&1 ||
  aws ecr create-repository --repository-name app  # expect: ecr-create-repository
