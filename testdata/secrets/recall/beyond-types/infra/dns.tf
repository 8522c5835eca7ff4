provider "aws" {
  region = "us-east-1"
}

locals {
  access = "vci_zSGr2Lf7Jksj9MCZu1DAXyzoUk4rYbWlq3vWd6tz5DNKJ0NsnmRrwVPh"
  instance_count = 3
  integration = "pk-lf-b8257ca9-1bd3-4d10-958f-f904f105072e"
  upstream = "sk-lf-f6843b8d-072f-4ca4-95f4-3b7302daf8b4"
  # managed by platform team
  minimax_api_key = "sk-api-KpBAPaM_YM8pUMQAAdJ9Awfqd3cMsNafwP3gUSk3sFB9DkSM8IS1eS34VJmH8hObzP9UcQkVKXlfPLE6_040s9OpON"
  client_auth = "vck_1Jxr6nLhSHuuzReyYMEf78FKZqCl36qv8OihL90UZ5Lqcho0lMUVn3qm"
}
