provider "aws" {
  region = "us-east-1"
}

locals {
  region = "eu-west-1"
  monday_api_token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ0aWQiOjE2ODE3NzIyOCwiYWFpIjoxMSwidWlkIjoxODQyMzI2MSwiaWFkIjoiMjAyNi0wMS0xMlQwOToyMTo0NC4wMDBaIiwicGVyIjoibWU6d3JpdGUiLCJhY3RpZCI6NDcxODM2NiwicmduIjoidXNlMSJ9.2UNNVok8NiKr53Upa0rXjNeqBKBzKUncTwBy0f4ASAs"
  region = "eu-west-1"
  astra_key = "AstraCS:exxMyVTrTruDwcCdsQ3Faf2C:d4354dd9fc6ce127e4476bf82681671fa457d4b8ad6779fd09a0d93ce7ef0988"
  instance_count = 3
  bearer = "ddp_FRP2OhTLxHJS55c1e6vnRemE7sWtq4JcQqcT"
  instance_count = 3
  client_auth = "phx_gCeZhv2nWOi3G1i9a1hIiutOB20VWY97GNaQWihDbmJ"
  region = "eu-west-1"
  scalr_token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJqdGkiOiJhdC0xdjFnbm9iZ285bWxrY3R3biIsImlzcyI6InNjYWxyIn0.zbbz07qNhcWN50knkRb4iAeDtL35YpbYC76O92AIO98"
  environment = "production"
  midtrans_credentials = "Mid-server-9eOt4pjAKYMv08kgF7tKBviF"
  # managed by platform team
  miro_token = "eyJtaXJvLm9yaWdpbiI6ImV1MDEifQ_ufxw_s-Pz43cgWIVit1ww6PqJ79"
  clerksecretkey = "sk_live_t59cOo4PYsDuyUpyYYHt0JJnoRKtB9VHE30jcD1MY9"
}
