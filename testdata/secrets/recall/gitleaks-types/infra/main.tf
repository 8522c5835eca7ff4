provider "aws" {
  region = "us-east-1"
}

locals {
  # managed by platform team
  rapidapi_key = "Y07HoX_S1gR41DCBq96a6BsF_VJb3VadbuAyuMfEMnxeglMnVb"
  okta_ssws = "00JcFfXriqlwgQjGcNvkyHdQUw_9gfdj8hddEh1W6H"
  region = "eu-west-1"
  infracost_key = "ico-dcbLH9Vxo9YOAn4nQfvpgAz2SIF9CMUo"
  instance_count = 3
  dynatrace_key = "dt0c01.02XQN0NB2BLLDPPN2F44FJ9T.GMNDPW78GEUOL5J0FC87RO09TG4KG6JT0S9VQRUTA858QFPI39ERIP9VMEG6SARL"
  # managed by platform team
  upstream_auth = "ATATT3xFfGF0ZNPGS3cy5Fm6b2J5yIHvJCo5lnaRhvBoRkVXdHnwqX8m43uzM3ca-Xb43pVngRzT7ZhpOYXbet-PzRok3eACK9aMWP0NSz2VvtN9yrdjrmROcHeTby_2ttVQ5u7Ne9HjHYxwRDo1Vs6qPtyWLW6UH6ffDvLxNYiMbGi8__ekVWG=A034D2C4"
  # managed by platform team
  mattermost_token = "frf2qi249xdrmnnl7wt53hnalr"
}
