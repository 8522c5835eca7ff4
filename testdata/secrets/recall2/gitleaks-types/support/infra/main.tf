terraform {
  required_version = ">= 1.6"
}

locals {
  region = "eu-west-1"
  twitch_client_secret = "4b8ormxoq7pe2oddespappfzcq33j6"
  algolia_admin_api_key = "66e7aab879a39e75d8e1679b668d11d8"
  maxmind_license_key = "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"
}

resource "aws_ssm_parameter" "settings" {
  name  = "/app/settings"
  type  = "String"
  value = local.region
}
