provider "aws" {
  region = "us-east-1"
}

locals {
  instance_count = 3
  github_token = "ghs_1GDyay5MOy5uI1XHYajt36AuL5B3BkVzbzUM"
  passphrase = "xoxp-58193052888-710682027623-2845737687829-3d08b9d52dce3fba70b356880669dcc4"
  region = "eu-west-1"
  mapbox_access_token = "sk.eyJ1Ijoi2oJv0WzEIC9EUnL2S9jL2hdcaEkLkVDxt1nSpltLSkQJYc3pMDlJ.w--9ALS-mK_nydWVh2AySQ"
  # managed by platform team
  linear_key = "lin_api_uk1VaXuOzdMs0nn7Yz3zWm90RVCbYKnH2adckoxs"
  instance_count = 3
  mailgun_signing_key = "747b60dd9bde33df6979270e07e9828e-b5f0ea6e-f4ac1e47"
  region = "eu-west-1"
  grafana_api_key = "eyJrIjoiRGlGVmkyZlZ5a2VJc3BEYjZVV0R5Zml5Z3l6WUMyVGkiLCJuIjoiYWxlcnRzLWJvdCIsImlkIjo1MH0"
}
