provider "aws" {
  region = "us-east-1"
}

locals {
  # managed by platform team
  intra_secret = "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"
  region = "eu-west-1"
  alerts_channel = "https://contoso.webhook.office.com/webhookb2/0a5f35b6-9d5f-4f8c-8b32-15ebea2b1d63@6c76713e-f8e4-4e4c-9e2f-74fad4e21fda/IncomingWebhook/bf59c914c9c3f49485518ced1459765c/26ce7dd3-01e5-4bd7-a260-e98c92720103"
  environment = "production"
  netlify_auth_token = "vojzzQ_AK4czG8AUDsus7PzM7eWRpsp99TQlJl5Gr59"
  environment = "production"
  adobeclientid = "ed33cdb37863f2e2b1359caf6fcc02e9"
  ims_secret = "p8e-byiApaY2HeYWdhUn1J21BhCnBQu403U2"
  conn = "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"
  instance_count = 3
  sourcegraph_token = "sgp_2d181cf725d8f7ee_729292526e5c8dae0c69ff4814c598b743fa91f6"
}
