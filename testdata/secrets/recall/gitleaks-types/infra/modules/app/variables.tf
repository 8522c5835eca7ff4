provider "aws" {
  region = "us-east-1"
}

locals {
  credential = "API-NMJ2ONB91O3WSR45BADUYH1XZ7"
  # managed by platform team
  client_auth = "tfp_3LR3FvFEGMopS5bPgXboZzVoMlPuVSCyC0yNJdQiZ1JN_7I9ZTxzcb2oaow"
  # managed by platform team
  age_access = "AGE-SECRET-KEY-188S78VKKC7UTWVVVHF4LV6VE4ZG9XGRXZDWG5R6U7PMZS8QNC93W3VE3WV"
  region = "eu-west-1"
  upstream_auth = "sk_test_U6F5dDq9DDvId9N52B2m9Xge"
  instance_count = 3
  svc_login = "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"
  instance_count = 3
  newrelic_key = "NRII-CKrIrHlP9zH_ruG_GsQGGgDK3w3dbX2H"
}
