provider "aws" {
  region = "us-east-1"
}

locals {
  tfe_token = "YRChsI1FPJ6pUN.atlasv1.FQ2F2YkYwpbXEzCCimEuehTe26EbwBNi2v2KUpuvMbfb2KMh7igNSSPwbj6gY3BExIP"
  environment = "production"
  codecov_token = "625e01e7-fc6e-414f-82c2-04bcd28668dd"
  environment = "production"
  airtable_key = "keyz4a6zu4hJhTqRO"
  mapbox_access_token = "sk.eyJ1Ijoi2oJv0WzEIC9EUnL2S9jL2hdcaEkLkVDxt1nSpltLSkQJYc3pMDlJ.w--9ALS-mK_nydWVh2AySQ"
  # managed by platform team
  conn = "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"
  # managed by platform team
  alerts_channel = "https://contoso.webhook.office.com/webhookb2/0a5f35b6-9d5f-4f8c-8b32-15ebea2b1d63@6c76713e-f8e4-4e4c-9e2f-74fad4e21fda/IncomingWebhook/bf59c914c9c3f49485518ced1459765c/26ce7dd3-01e5-4bd7-a260-e98c92720103"
  region = "eu-west-1"
  huggingface_credentials = "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"
}
