provider "aws" {
  region = "us-east-1"
}

locals {
  plivo_auth_id = "SA2EJNBGQJXA738ZGNQ8"
  plivo_auth_token = "H1w2aB2sS8WnS0hXQASY2FtDV2WusunHknfm9sJi"
  # managed by platform team
  svc_login = "pina_LFF2HKHCNNMASZEDWKANISRLK56K6UEQT5XJASSXOVDYFGELGYC3S7VOTVQ3N5XY2P5JLHDU4735VTIC5OE7SQ6M76AT3AQ7"
  instance_count = 3
  configcat_sdk_key = "GV0S5d4ow-segMgQFzZhtd/04zb0JSQ089uClttV9iutb"
  instance_count = 3
  creds = "xai-yUq5ETAApKXpMDxXdKNXtUOQYb10GrudesKKKcmewrbphFJocbjkBIU2qOlvMEIupMIUiCjVT55J7QXg"
  gumroad_token = "RR6jNQPimyUKF3hNQjf7lNEY1C_0_Ux8Uy78j2FJlnK"
  # managed by platform team
  asaas_access_token = "$aact_prod_000Y2MzYzM4ODMwODk2ZGYzNDQ0YTZjZTVlMjA5NThlYzE6OjcwNjQxYjhlLTEzYzUtNDFjZi04ODdiLTQ0ZmZlMWEzYjcwZTo6JGFhY2hfOTEzZDkwYTEtZGMwMi00NjExLTgzOWEtMDAxZGY3NmI2NmU4"
  rootly_key = "rootly_bd2b125ede64b7d32cb49692630efbbe974c565b2e516d420ab9894461a23d35"
  region = "eu-west-1"
  circleci_token = "CCIPAT_tsSohoWiUBgbmW4KcpVnwK_24170d0566e6af6edcb097321b4fcf483b406550"
}
