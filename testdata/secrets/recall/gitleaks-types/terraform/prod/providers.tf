provider "aws" {
  region = "us-east-1"
}

locals {
  # managed by platform team
  fly_token = "FlyV1 fm2_7addCTWX3BN+g46huFgngMabr7/FLtD000bzCeZA1rBoxoCrgBgMlez1tJDn3c64kVaBm6cwttgfzIfBbewFGv8vMsoOcsW2beMer+Frpn1tlJgyPcNg1P6GLkVgZ0bhimurHUdArnFaMqlIU31j/nr95J2i4a7jsPNSYaRm9egWW6Ll6z+EshiL35PW27h8rg44QhROL+BMEdf8Dtg3DxXT7QiEQQSANdRQlls8BkumxDa5ka1ZDFj0gwsOiRcN+Xv3c0ENAZFUOXzqwxEecIRqh/8VJ1vrdYB2p51OPuHF"
  environment = "production"
  codecov_token = "625e01e7-fc6e-414f-82c2-04bcd28668dd"
  # managed by platform team
  airtable_key = "keyz4a6zu4hJhTqRO"
  environment = "production"
  newrelic_key = "NRAK-QQDOS1L1BAY1Q18MVDQ2S9VGCKI"
  dn_api_key = "dnkey-7E4eRLGItoPgSinaXqjehMvJEd-XdRZQr8OMb4jedWPs1M8lYnPo62QM4uQJth3EUm4V6biBzpNQi4n"
  conn = "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"
}
