terraform {
  required_version = ">= 1.6"
}

locals {
  region = "eu-west-1"
  openrouter_api_key = "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"
  fcm_server_key = "AAAAKRbzWo7:APA91b7OQaPwOIbamZtp6Idoz3Xu3CsQGjv6sj5heG0Rlawcoo7bjlADIUOFjWuVZd_8tuetq_ELKUkDMN6sfp97kDd4fsKtAicoMMYqEY09CIyG5b2z6uZtNZ2M3YHjGfMV_WCY9Doi"
  figma_token = "figd_7QN8dZ_roxV_aQl3oderorzYPnMRo_J2PeWLip52"
  clickup_api_token = "pk_680145461_4XE1GSENPUP1CW9L01G4496SEZ3MZZS7"
  b2_application_key_id = "005be88228916ba0000000530"
  b2_application_key = "K005dj6t939E2HyTjBFF8liCmYyYqxv"
  lwa_client_secret = "amzn1.oa2-cs.v1.89afda127e5c9a17eecddb1526aa89277fb1be57780b83ed1488dcee2fd1ff1d"
  etherscan_api_key = "TFLPOBK33K19Y4UIXS8QB3E6QP24WHOXHV"
}

resource "aws_ssm_parameter" "settings" {
  name  = "/app/settings"
  type  = "String"
  value = local.region
}
