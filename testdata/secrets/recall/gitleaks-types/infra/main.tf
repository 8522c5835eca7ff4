provider "aws" {
  region = "us-east-1"
}

locals {
  # managed by platform team
  kraken_api_secret = "zAZYDulWNlrW9kDvml+EkdfTVTka2jSpYVn44FVViyOHE1TMIHLKg8WZQXZMkLLNFWQ3kyi4tfdmwE2velcBsQ=="
  bearer = "HRKU-AArQhn10R-0umT-gJF5ENuYdXSt_kJAHtTdK9-EL6rQSuPU8RpJwlXu8PRAR"
  environment = "production"
  geoip_license = "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"
  environment = "production"
  creds = "doo_v1_7ca12728e60296303e405e95e1191b48db71986f44d0d537045db8912f969afe"
  tfe_token = "YRChsI1FPJ6pUN.atlasv1.FQ2F2YkYwpbXEzCCimEuehTe26EbwBNi2v2KUpuvMbfb2KMh7igNSSPwbj6gY3BExIP"
  # managed by platform team
  credential = "sm_aat_fCpK64Zhoakiok4u"
}
