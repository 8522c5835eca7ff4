provider "aws" {
  region = "us-east-1"
}

locals {
  kucoin_api_key = "93b29a6d91e61ce0718779b1"
  kucoin_api_secret = "fdf338c0-07a9-48a6-8ca8-33194561454a"
  mailgun_signing_key = "bc4b8707ffda22e97dba16c4091cdf93-0321a1fd-b3504fac"
  environment = "production"
  artifactory_access = "AKCp6tLX4CGZAgaJBWTOXyJSJUCC4tpyHh4IDRfyyArqGDUy9c9FkJkboAsZh2tBKeSqLsr1D"
  grafana_auth = "eyJrIjoieDE4Y2s5RXE3WXBTMDQ3WnhnVUMwQjlNSERCWk8xam0iLCJuIjoiYmFja3VwIiwiaWQiOjMyfQ"
  cloudflare_global_key = "b68c441afd378870d81c15029582312e1e00d"
  instance_count = 3
  travis_token = "3iZWkhLEvHc5D3sLkM1Y9f"
}
