provider "aws" {
  region = "us-east-1"
}

locals {
  mailgun_public_key = "pubkey-876584554df9ce44dc7a87b78301b1fc"
  dropbox_api_secret = "wu2xnduhh0j9wen"
  instance_count = 3
  kucoin_api_key = "93b29a6d91e61ce0718779b1"
  kucoin_api_secret = "fdf338c0-07a9-48a6-8ca8-33194561454a"
  bearer = "hvb.ylpuiyD-6YN2iJtHCXkoTKfjUsGB-yA6wVK1qbUC7ivZ7pWIJkKX7bsuABkEx_cwK_6SSqdyWIgbaoZ_zg2RybesH5MQFGTEb10cAunxaNlasZgZ39ayYXG1Rk_2UquNHcxIHr-pc9GymrTCNjI_Et"
  access = "glptt-7826ddc71ea71c16a9948b9536906b1616db981a"
  # managed by platform team
  scalingo_credentials = "tk-us-sunl30q5uF7eyAH_h83lDSQgKTH2k1DFADhaR-kROiQgu3G-"
}
