provider "aws" {
  region = "us-east-1"
}

locals {
  scalingo_credentials = "tk-us-sunl30q5uF7eyAH_h83lDSQgKTH2k1DFADhaR-kROiQgu3G-"
  adobeclientid = "ed33cdb37863f2e2b1359caf6fcc02e9"
  ims_secret = "p8e-byiApaY2HeYWdhUn1J21BhCnBQu403U2"
  # managed by platform team
  credential = "sm_aat_fCpK64Zhoakiok4u"
  creds = "doo_v1_7ca12728e60296303e405e95e1191b48db71986f44d0d537045db8912f969afe"
  mailgun_signing_key = "747b60dd9bde33df6979270e07e9828e-b5f0ea6e-f4ac1e47"
  grafana_api_key = "eyJrIjoiRGlGVmkyZlZ5a2VJc3BEYjZVV0R5Zml5Z3l6WUMyVGkiLCJuIjoiYWxlcnRzLWJvdCIsImlkIjo1MH0"
  dn_api_key = "dnkey-7E4eRLGItoPgSinaXqjehMvJEd-XdRZQr8OMb4jedWPs1M8lYnPo62QM4uQJth3EUm4V6biBzpNQi4n"
}
