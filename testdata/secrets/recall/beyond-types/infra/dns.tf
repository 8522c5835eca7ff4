provider "aws" {
  region = "us-east-1"
}

locals {
  cko_secret_key = "sk_sbox_h42halsnyfxgnoxunblvf5cmgq"
  upstash_redis_rest_token = "AmNnAAIjcDEPu5XH78h4rAsFiZlgWhTPp2__JQdpauNDYW04ndAEJM5-n5_jjSqatU7bo4G"
  # managed by platform team
  proof_api_key = "2iqC3KMX0RsEx2iLA7oStS7tIyOyusfO"
  environment = "production"
  client_auth = "vck_1Jxr6nLhSHuuzReyYMEf78FKZqCl36qv8OihL90UZ5Lqcho0lMUVn3qm"
  integration = "secret-token:mercury_production_wma_i8us5oEKy1e9ARSmoAkfKVKd1hkJo1U4r2UprGjhrFyo_yrucrem"
  environment = "production"
  zoho_client_id = "1000.DKC7NOQMVMNE33UK1YO47JYXPH1ZJ2"
  zoho_client_secret = "61efe6ad969f58e4e6bc26bf074fc3f75dbb35f943"
}
