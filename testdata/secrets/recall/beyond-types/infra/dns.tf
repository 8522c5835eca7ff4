provider "aws" {
  region = "us-east-1"
}

locals {
  cursor_api_key = "key_ebfafbf444d9b2bbc88aeb1e19f02ed4354dd9fc6ce127e4476bf82681671fa4"
  pscale_username = "lozccosf3jd2"
  planetscale_db_password = "pscale_pw_fjDjd6I0-pYRHL_NlwPaam7dzD2HQWG4Fk5t3bBaswM"
  region = "eu-west-1"
  ec_api_key = "essu_VGpZbG5qOUgyOExvVlVzcWpNNEM6dFBDeVZ1RkJvYU1rdndjZVdrYnRQNLAN0G0MkyD0fpCzmBGa6x0+Kv0xtse/GqMiubzDrA=="
  environment = "production"
  sf_session_id = "00D8oKllk6cwmiJ!hoiJ.xai6GIXlVW_wmmkpFz1g3x3GjwEh9FWLXVaGoJAkcMajKD5E8xE8EwgT2n.Rjoy90PMD36ZT48o7JNg5HWoiDIiOPl"
  minimax_key = "sk-api-0XOPDyoY5_5eZVJCqi4ba3iufBTgYXhhNmo9lUVsdzVVRruIVOffojbFuc71P9Hb-wsGT60KV1LAolOb8sLrGk1DJp"
  environment = "production"
  brave_search_api_key = "BSAcK3kYeUGlVuS-nLD2d5XzVpU_aVu"
  instance_count = 3
  devcycle_token = "dvc_server_e6a0f564_7ae7_491a_bdfd_67645b3af166_05120c1"
  # managed by platform team
  zoho_client_id = "1000.QJEBE05OD414654HITQKY8GB6BOY9R"
  zoho_client_secret = "62c0e739925f4d605f1a28324626631a96d7fa590f"
}
