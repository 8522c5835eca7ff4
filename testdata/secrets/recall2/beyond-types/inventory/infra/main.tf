terraform {
  required_version = ">= 1.6"
}

locals {
  region = "eu-west-1"
  mux_token_id = "bf3fe9dc-ad2d-4732-b2f1-eb9568a62be4"
  mux_token_secret = "/V7/FiAiYrc/gEs/nG/ZaakFY0K2B8cRl5Av7TQkWC7aWMVflXgB0R4wNBOOEgky8dYaoKfbW5p"
}

resource "aws_ssm_parameter" "settings" {
  name  = "/app/settings"
  type  = "String"
  value = local.region
}
