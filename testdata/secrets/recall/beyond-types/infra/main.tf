provider "aws" {
  region = "us-east-1"
}

locals {
  environment = "production"
  azure_tenant_id = "8716e218-77b8-49d9-841b-5f61058e48d3"
  azure_client_id = "4326758b-83d8-4e3c-b40c-05aafc0cbe27"
  azure_client_secret = "QIF2Q~GGiPLylzQVGgWZkzq4HbJkr-wmIlcdDm4y"
  region = "eu-west-1"
  cartesia_access = "sk_car_EHTnCAzwbsoUgf0cx9GjGE"
  instance_count = 3
  pagerduty_api_key = "u+GN6VsaKKVCRhWlnjwn"
  instance_count = 3
  auth = "nyk_v0_36tatkVbpP4Er7zg3YbtLX8xXnLd7UabSmdgs2xjR5bo2G3G"
  instance_count = 3
  conn = "secret-token:mercury_production_rma_mE2xJXcqECvo39hw2U2LALtZ1d3CmMUk4QPk6UpwpAGE_yrucrem"
  environment = "production"
  ovh_application_key = "ylwOXOlKk5KI47Cm"
  ovh_application_secret = "NiDCTl49F3rAiu0AoNXIbGre1eUnzAfM"
  ovh_consumer_key = "VoLkrSTwyCn7zasdckvA0YZyN7oQDB1M"
  creds = "m0-nkJ7oZcjw8lXLuxu5sUhnnZZ3uaQ18t4GF8OQztM"
  region = "eu-west-1"
  zuplo_access = "zpka_e843e25a64c709e930c626d6bb96313d_4a39549c"
}
