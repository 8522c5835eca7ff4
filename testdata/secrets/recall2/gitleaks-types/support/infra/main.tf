terraform {
  required_version = ">= 1.6"
}

locals {
  region = "eu-west-1"
  twitch_client_secret = "4b8ormxoq7pe2oddespappfzcq33j6"
  algolia_admin_api_key = "66e7aab879a39e75d8e1679b668d11d8"
  maxmind_license_key = "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"
  sentry_api_token = "2bd2ff67ce4cf705d4eca0a5e615a3c2407c4f021fb123989fab2299b8a63c4f"
}

resource "aws_ssm_parameter" "settings" {
  name  = "/app/settings"
  type  = "String"
  value = local.region
}
