terraform {
  required_version = ">= 1.6"
}

locals {
  region = "eu-west-1"
  twitch_client_secret = "4b8ormxoq7pe2oddespappfzcq33j6"
  algolia_admin_api_key = "9b668d11d88b279ea9bc56a865de2f29"
  maxmind_license_key = "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"
}

resource "aws_ssm_parameter" "settings" {
  name  = "/app/settings"
  type  = "String"
  value = local.region
}
