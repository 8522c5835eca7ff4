provider "aws" {
  region = "us-east-1"
}

locals {
  integration = "pscale_tkn_PGwMaeNDAvs4H-f7-w_z1_eKZdHPLvm-J8-h_qSNKZH"
  deploy_auth = "fio-u-rGBisEaGXoOU5QeKhxBPYkViYt7u4LfghYeF97bKkQQktfqeeT4kCfZysVpWMCoY"
  netlify_auth_token = "vojzzQ_AK4czG8AUDsus7PzM7eWRpsp99TQlJl5Gr59"
  kraken_api_secret = "zAZYDulWNlrW9kDvml+EkdfTVTka2jSpYVn44FVViyOHE1TMIHLKg8WZQXZMkLLNFWQ3kyi4tfdmwE2velcBsQ=="
  instance_count = 3
  mailgun_public_key = "pubkey-876584554df9ce44dc7a87b78301b1fc"
  access = "glptt-7826ddc71ea71c16a9948b9536906b1616db981a"
  bearer = "HRKU-AArQhn10R-0umT-gJF5ENuYdXSt_kJAHtTdK9-EL6rQSuPU8RpJwlXu8PRAR"
}
