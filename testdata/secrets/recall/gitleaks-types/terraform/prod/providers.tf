provider "aws" {
  region = "us-east-1"
}

locals {
  environment = "production"
  intra_secret = "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"
  environment = "production"
  age_token = "AGE-SECRET-KEY-13NA3F9RGQ0G7STM3FV437D6RJVHQT95XTZSRSDGK4KYEEC40AWADD8QEDN"
  newrelic_key = "NRAK-QQDOS1L1BAY1Q18MVDQ2S9VGCKI"
  instance_count = 3
  bearer = "hvb.ylpuiyD-6YN2iJtHCXkoTKfjUsGB-yA6wVK1qbUC7ivZ7pWIJkKX7bsuABkEx_cwK_6SSqdyWIgbaoZ_zg2RybesH5MQFGTEb10cAunxaNlasZgZ39ayYXG1Rk_2UquNHcxIHr-pc9GymrTCNjI_Et"
  # managed by platform team
  passphrase = "xoxp-58193052888-710682027623-2845737687829-3d08b9d52dce3fba70b356880669dcc4"
  environment = "production"
  geoip_license = "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"
  # managed by platform team
  sourcegraph_token = "sgp_2d181cf725d8f7ee_729292526e5c8dae0c69ff4814c598b743fa91f6"
}
