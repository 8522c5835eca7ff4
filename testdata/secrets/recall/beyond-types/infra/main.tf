provider "aws" {
  region = "us-east-1"
}

locals {
  gumroad_token = "RR6jNQPimyUKF3hNQjf7lNEY1C_0_Ux8Uy78j2FJlnK"
  environment = "production"
  aiven_api_token = "/FI5XDjgidM1lk32lEc8Y87rHp2T8YuxBUlMRbcn9T3P88hRoE79CZA9pal7004WNmbkB5xSmRh0IfzMxzqLDQF4IyL23hcaLzyYu0U9NYi6uFScDGEGXGPmiTH3G9H0iJqzgfynQ7JVrXLyyNHNndyqiHikVfi2SONNe+taqpaiUffRRUwM4jqA3fu5/PNcT2oswydXSuTtcXMbgkwF6MlufB9iuuYAJmCv+UkuLNaA2X2yrEw2QIoyRr2qJ+pd+ewQU6cP7HYZDGJeI0KNMB7KyFU+yeDPY/RXZCk9/oxqYBOYOVeMUcPdudTh1Cf03RQKNlHfLiVm8uk07C/kH5+c0IQpgaanJTnlKDI1bSLsstYNXm=="
  region = "eu-west-1"
  scalr_token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJqdGkiOiJhdC0xdjFnbm9iZ285bWxrY3R3biIsImlzcyI6InNjYWxyIn0.zbbz07qNhcWN50knkRb4iAeDtL35YpbYC76O92AIO98"
  environment = "production"
  upstream_auth = "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"
  bearer = "ddp_FRP2OhTLxHJS55c1e6vnRemE7sWtq4JcQqcT"
  region = "eu-west-1"
  devin_api_key = "apk_WCWshMeiW0d24fjexEizvVO6bc9CAs3bxhfrJ4R9DA7Y8H0EUAI2F2yNgJ8a8J9O"
  region = "eu-west-1"
  buildkite_agent_token = "bkaa_8D2SkYwffcEZxLXtNiv0XJxT9AY0J10zn4cq1Dtc"
  instance_count = 3
  elastic_cloud_api_key = "essu_QXIzdkJqMmkxelV3OXl4aHNUUDc6WWpHRF94Ni1kZXJBM205REZTdGxCX86Q07Sw9Q2ZQPTI8vc73hybDbeaRT169kzI7XMPNg=="
  instance_count = 3
  upstream = "dvc_mobile_b8765c03_8404_470b_8032_4520794c1b45_820b6a0"
}
