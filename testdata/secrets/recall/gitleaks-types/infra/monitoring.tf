provider "aws" {
  region = "us-east-1"
}

locals {
  instance_count = 3
  age_token = "AGE-SECRET-KEY-13NA3F9RGQ0G7STM3FV437D6RJVHQT95XTZSRSDGK4KYEEC40AWADD8QEDN"
  integration = "pscale_tkn_PGwMaeNDAvs4H-f7-w_z1_eKZdHPLvm-J8-h_qSNKZH"
  environment = "production"
  discord_token = "NzQ1NDQ0MTczODg3MjgyMjgxOA.MPv5N4.hUB8gWn1bkMnIXWB5a1sJT4cjDyBMkqWkDdRCu"
  environment = "production"
  huggingface_credentials = "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"
  mattermost_token = "csob5k62g2rpfmnxelcisxymog"
  planetscale_access = "pscale_pw_1aVUy_SXkv-L_Q_9tp40vl9l82uMQ-ST09Et0Y0Bngn"
}
