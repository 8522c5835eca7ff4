provider "aws" {
  region = "us-east-1"
}

locals {
  # managed by platform team
  cko_secret_key = "sk_sbox_h42halsnyfxgnoxunblvf5cmgq"
  upstash_redis_rest_token = "AmNnAAIjcDEPu5XH78h4rAsFiZlgWhTPp2__JQdpauNDYW04ndAEJM5-n5_jjSqatU7bo4G"
  region = "eu-west-1"
  onfido_access = "api_live_us.CGo-c3tMOmc.8Ant4liMGOr_UMyPV18qv8vGwgyEE-R7"
  environment = "production"
  integration = "secret-token:mercury_production_wma_i8us5oEKy1e9ARSmoAkfKVKd1hkJo1U4r2UprGjhrFyo_yrucrem"
  instance_count = 3
  svc_login = "pina_LFF2HKHCNNMASZEDWKANISRLK56K6UEQT5XJASSXOVDYFGELGYC3S7VOTVQ3N5XY2P5JLHDU4735VTIC5OE7SQ6M76AT3AQ7"
  environment = "production"
  monday_api_token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ0aWQiOjE2ODE3NzIyOCwiYWFpIjoxMSwidWlkIjoxODQyMzI2MSwiaWFkIjoiMjAyNi0wMS0xMlQwOToyMTo0NC4wMDBaIiwicGVyIjoibWU6d3JpdGUiLCJhY3RpZCI6NDcxODM2NiwicmduIjoidXNlMSJ9.2UNNVok8NiKr53Upa0rXjNeqBKBzKUncTwBy0f4ASAs"
  circleci_token = "CCIPAT_tsSohoWiUBgbmW4KcpVnwK_24170d0566e6af6edcb097321b4fcf483b406550"
  region = "eu-west-1"
  plivo_auth_id = "MAFRAG7TPOL8BIV3KXZI"
  plivo_auth_token = "K5eAdLEXj6ClP9Ao6UWrCt1fx26agLyKJwvgOrqo"
  region = "eu-west-1"
  proof_api_key = "2iqC3KMX0RsEx2iLA7oStS7tIyOyusfO"
}
