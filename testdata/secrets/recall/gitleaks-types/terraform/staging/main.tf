provider "aws" {
  region = "us-east-1"
}

locals {
  instance_count = 3
  page_access = "EAAC3CJ9Jr7nBouPyVf5JxugHq1pUkUY0P0RPKiSSEBwdOuX6cENj1RsWpSd0IUgEpjhyA00U4HGIbQvnWIW03gB9Z2toEMNwLv8F6leENdda1Nt7dMCjzq9jgKFMvPY2CzJlpRNmn1RTSbqMMEowbKcniGCWWB6DB84"
  environment = "production"
  cohere_api_key = "e56jPcqaYB4B28ikqbOs8mhEyl41xsSgY75d35NF"
  nytimes_api_key = "2Jw-Gji45WT6SkQqilGmtWKyU6LoSTWV"
  environment = "production"
  facebook_app_token = "537600929961876|yVAFta64hBJ9xuC8K3lBrwuJ3tq"
  environment = "production"
  sourcegraph_access = "sgp_5b577c9b9d82ca4b_0aa9cc92279ece6c4a68a8641b1aa4ee715187c0"
  environment = "production"
  flw_secret_key = "FLWSECK_TEST-634b33fcd5938084e947c0bfd25e0a3f-X"
}
