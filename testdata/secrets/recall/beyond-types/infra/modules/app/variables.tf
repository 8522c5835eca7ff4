provider "aws" {
  region = "us-east-1"
}

locals {
  instance_count = 3
  aws_access_key_id = "AKIA5Q3SXNPSHK5EEXUL"
  aws_secret_access_key = "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"
  zoho_access_token = "1000.c491eef8ddf6cf607c755f3ac0a5b51e.60355ec92927bfe7bd777f357b32f287"
  mercury_credentials = "secret-token:mercury_production_wma_XJPsfjT3mPUVzjQJ7gjwHbtXd4Mt1DMyXQ2N6QKRx63o_yrucrem"
  wiz_client_id = "tjg8u6vwe9zija8e0h8bypr1dcjh61wsp3x3vpy1twb2fzdkwy7yz"
  wiz_client_secret = "rChbkipavyGByPoci0OGaIs3OpvI3pXiT2ny4oyqRnuhrGelM0RRH1FOsDdICQAX"
  nvidia_access = "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"
  miro_token = "eyJtaXJvLm9yaWdpbiI6ImV1MDEifQ_eZ68VCb_JTD-x4o9MStj72lwJxF"
  asaas_api_key = "$aact_prod_000MGYwNThmMmJjZGY2MjExZmFiZmFiODU4ODZjMzM5MmQ6OmZhYTkxZjNkLWI0ZWItNDlmYi05MGJjLTEzMGM1ZTJmZWQ3Zjo6JGFhY2hfNGYyMTVlNGYtMmE4Zi00YWEwLTkzOGMtZWZjNzgxMzUwZWRk"
  upcloud_api_token = "ucat_zReyYMEf78FKZqCl36qv8OihL9"
}
