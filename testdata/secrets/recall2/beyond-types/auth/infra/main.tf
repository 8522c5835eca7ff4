terraform {
  required_version = ">= 1.6"
}

locals {
  region = "eu-west-1"
  neon_api_key = "napi_212ds7q3gbna937lbfh7d6hv601vtb0zl0fy3hw0o9rb4qfvx7ndwyr19mqvnjuj"
  circleci_token = "CCIPAT_9d8PpoUUXX4IkVHqwmB9s4_d4d956dcfc0bff09cb59dcdfc815f15ca987ab23"
  razorpay_key_id = "rzp_live_KUq6BgcXjNfUB3"
  razorpay_key_secret = "y8TAD5yGQvgVlgwU0EJd7CEs"
  pusher_app_key = "e6843ecee2de02e71580"
  pusher_app_secret = "d7539c4b4103fcde5a73"
  sauce_access_key = "f237389e-0f7f-47f0-a281-e4493825bc5c"
  splunk_hec_token = "882adb20-ef0f-4d98-8575-808118730cd8"
  expo_token = "YzKYb0JTDVsWrT4AnxyVcQiaBKcViRNqpQyf33-0"
}

resource "aws_ssm_parameter" "settings" {
  name  = "/app/settings"
  type  = "String"
  value = local.region
}
