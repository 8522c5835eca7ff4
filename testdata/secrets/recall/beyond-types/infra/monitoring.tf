provider "aws" {
  region = "us-east-1"
}

locals {
  environment = "production"
  greptile_api_key = "vOlgzD5QNfHu+IL6RB6tzILNaLB2K56VGWaO1LWiwThzA1WZ"
  instance_count = 3
  access = "vci_zSGr2Lf7Jksj9MCZu1DAXyzoUk4rYbWlq3vWd6tz5DNKJ0NsnmRrwVPh"
  environment = "production"
  datadog_api_key = "d46ceeeca6123a46fc0a5be357c1e1b3"
  datadog_application_key = "21d99c8827d0c19a8f923e53c25e3fe3106bbaf9"
  elastic_cloud_api_key = "essu_QXIzdkJqMmkxelV3OXl4aHNUUDc6WWpHRF94Ni1kZXJBM205REZTdGxCX86Q07Sw9Q2ZQPTI8vc73hybDbeaRT169kzI7XMPNg=="
  region = "eu-west-1"
  ec_api_key = "essu_MVZjdmp2cmdpSkxaNmt6OEhORHg6V200dFZzbFlnNFdYdXpOY3k5YzRQWtR9c8Twx1ii4G2gkq3XpAs/UdhiXbOZVHvGfAcItg=="
  region = "eu-west-1"
  upcloud_token = "ucat_e5WJf4hVnMcORDiGX7bIn6Ubze"
  region = "eu-west-1"
  minimax_api_key = "sk-api-KpBAPaM_YM8pUMQAAdJ9Awfqd3cMsNafwP3gUSk3sFB9DkSM8IS1eS34VJmH8hObzP9UcQkVKXlfPLE6_040s9OpON"
  environment = "production"
  browserstack_user = "ciuser_Ga5o1RSC"
  browserstack_key = "QOnhAnTs8Fk2YydlLWp9"
}
