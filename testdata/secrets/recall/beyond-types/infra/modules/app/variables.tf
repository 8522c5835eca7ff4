provider "aws" {
  region = "us-east-1"
}

locals {
  region = "eu-west-1"
  slack_credentials = "xoxc-11687999864-707576999978-3098389587285-901fd1f30a5d680fc015183c05a3e73786773d6db2e7842c36f5d082d5299781"
  environment = "production"
  zoho_client_id = "1000.DKC7NOQMVMNE33UK1YO47JYXPH1ZJ2"
  zoho_client_secret = "61efe6ad969f58e4e6bc26bf074fc3f75dbb35f943"
  # managed by platform team
  client_auth = "phx_gCeZhv2nWOi3G1i9a1hIiutOB20VWY97GNaQWihDbmJ"
  paypal_client_id = "AM8T2cZeWMVWeQ31ArXiVleEpfLv_gdFhCB8Upo5KxRln1Ak8_QduIfo-C9bj0xi4QxkHaiswdP073lJ"
  paypal_client_secret = "EozXu0zsY_C8RqogFJSPfU1eU5_zeiOYbUsAgls4Pm-IZaExnaWwJQ0Yn2H_MKefeGMaoRlxaUk_UXf_"
  midtrans_credentials = "Mid-server-9eOt4pjAKYMv08kgF7tKBviF"
  # managed by platform team
  influx_token = "LEgtrOQ8lDKERBjzWEarPt1xtBAujqCmhbqqLplKnOegZhVUqyxvUBpSia6gzazjeOwhgkwDb7BNNhA54zFO36=="
  instance_count = 3
  data_gov_api_key = "0u40IJ1rtlPV8v9ucYlE9q9uLG1xtTFbDFLVeDWX"
  instance_count = 3
  upcloud_token = "ucat_e5WJf4hVnMcORDiGX7bIn6Ubze"
  creds = "xai-yUq5ETAApKXpMDxXdKNXtUOQYb10GrudesKKKcmewrbphFJocbjkBIU2qOlvMEIupMIUiCjVT55J7QXg"
}
