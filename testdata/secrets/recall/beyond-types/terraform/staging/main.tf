provider "aws" {
  region = "us-east-1"
}

locals {
  environment = "production"
  upstream_auth = "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"
  data_gov_api_key = "0u40IJ1rtlPV8v9ucYlE9q9uLG1xtTFbDFLVeDWX"
  region = "eu-west-1"
  buildkite_agent_token = "bkaa_8D2SkYwffcEZxLXtNiv0XJxT9AY0J10zn4cq1Dtc"
  region = "eu-west-1"
  influx_token = "LEgtrOQ8lDKERBjzWEarPt1xtBAujqCmhbqqLplKnOegZhVUqyxvUBpSia6gzazjeOwhgkwDb7BNNhA54zFO36=="
  instance_count = 3
  integration = "pk-lf-b8257ca9-1bd3-4d10-958f-f904f105072e"
  upstream = "sk-lf-f6843b8d-072f-4ca4-95f4-3b7302daf8b4"
  # managed by platform team
  slack_credentials = "xoxc-11687999864-707576999978-3098389587285-901fd1f30a5d680fc015183c05a3e73786773d6db2e7842c36f5d082d5299781"
  # managed by platform team
  paypal_client_id = "AM8T2cZeWMVWeQ31ArXiVleEpfLv_gdFhCB8Upo5KxRln1Ak8_QduIfo-C9bj0xi4QxkHaiswdP073lJ"
  paypal_client_secret = "EozXu0zsY_C8RqogFJSPfU1eU5_zeiOYbUsAgls4Pm-IZaExnaWwJQ0Yn2H_MKefeGMaoRlxaUk_UXf_"
  region = "eu-west-1"
  onfido_access = "api_live_us.CGo-c3tMOmc.8Ant4liMGOr_UMyPV18qv8vGwgyEE-R7"
}
