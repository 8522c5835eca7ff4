provider "aws" {
  region = "us-east-1"
}

locals {
  plivo_auth_id = "MAFRAG7TPOL8BIV3KXZI"
  plivo_auth_token = "K5eAdLEXj6ClP9Ao6UWrCt1fx26agLyKJwvgOrqo"
  instance_count = 3
  devin_api_key = "apk_WCWshMeiW0d24fjexEizvVO6bc9CAs3bxhfrJ4R9DA7Y8H0EUAI2F2yNgJ8a8J9O"
  # managed by platform team
  proof_full_access_key = "UqB1m7IVzGU5iMSqAGHZio7lCPqkwb2F"
  sslmate_key = "lK4ZfMEFbTq8LDMBiEwF1KrpM93M8wQiBgdh"
  environment = "production"
  checkout_secret_key = "sk_sbox_pxeff2l55k2sk5myrjr5qojp3b"
  region = "eu-west-1"
  runpod_api_key = "rpa_2FL38CM7P6FV3C1JGYICS3AFK85NEVXS4DUMW9G0VANH4DIS"
  environment = "production"
  aiven_api_token = "/FI5XDjgidM1lk32lEc8Y87rHp2T8YuxBUlMRbcn9T3P88hRoE79CZA9pal7004WNmbkB5xSmRh0IfzMxzqLDQF4IyL23hcaLzyYu0U9NYi6uFScDGEGXGPmiTH3G9H0iJqzgfynQ7JVrXLyyNHNndyqiHikVfi2SONNe+taqpaiUffRRUwM4jqA3fu5/PNcT2oswydXSuTtcXMbgkwF6MlufB9iuuYAJmCv+UkuLNaA2X2yrEw2QIoyRr2qJ+pd+ewQU6cP7HYZDGJeI0KNMB7KyFU+yeDPY/RXZCk9/oxqYBOYOVeMUcPdudTh1Cf03RQKNlHfLiVm8uk07C/kH5+c0IQpgaanJTnlKDI1bSLsstYNXm=="
  workato_api_token = "wrkaus6c0869dbef0f7e3802fc959d4540a87810d95661876ded9603e69fafe7"
}
