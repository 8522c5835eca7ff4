provider "aws" {
  region = "us-east-1"
}

locals {
  environment = "production"
  dropbox_api_secret = "wu2xnduhh0j9wen"
  kucoin_api_key = "93b29a6d91e61ce0718779b1"
  kucoin_api_secret = "fdf338c0-07a9-48a6-8ca8-33194561454a"
  conn = "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"
  instance_count = 3
  github_key = "gho_qnuxmshXpkkFkROkqPHnC48OdzHRQrEYc1yE"
  planetscale_access = "pscale_pw_1aVUy_SXkv-L_Q_9tp40vl9l82uMQ-ST09Et0Y0Bngn"
  environment = "production"
  fly_token = "FlyV1 fm2_IF6a7addCTWX3BN+g46huFgngMabr7/FLtD000bzCeZA1rBoxoCrgBgMlez1tJDn3c64kVaBm6cwttgfzIfBbewFGv8vMsoOcsW2beMer+Frpn1tlJgyPcNg1P6GLkVgZ0bhimurHUdArnFaMqlIU31j/nr95J2i4a7jsPNSYaRm9egWW6Ll6z+EshiL35PW27h8rg44QhROL+BMEdf8Dtg3DxXT7QiEQQSANdRQlls8BkumxDa5ka1ZDFj0gwsOiRcN+Xv3c0ENAZFUOXzqwxEecIRqh/8VJ1vrdYB2p51O"
  environment = "production"
  mattermost_token = "csob5k62g2rpfmnxelcisxymog"
}
