provider "aws" {
  region = "us-east-1"
}

locals {
  environment = "production"
  aws_access_key_id = "AKIAGYUIWCAW3GYH64WI"
  aws_secret_access_key = "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"
  # managed by platform team
  age_credentials = "AGE-SECRET-KEY-13PM5WADK8WLETN0DN3WLPFHR3F7Q6PRP2W3AD7PR7YUQ9VGLSPRJAYA8AK"
  environment = "production"
  access = "NRAK-N5BPNY73B4C78GCX5VNB6IW8DS8"
  easypost_token = "EZAKmyQgOh88Zbvf7OnMw2rPqcm7YYoc2fKoCVMxaiDzWCR2vNxxg3kwGT"
  launchdarkly_sdk_key = "sdk-2bf9f053-f258-4ade-ae48-8cef6bcddfb1"
  # managed by platform team
  adobeclientid = "ed33cdb37863f2e2b1359caf6fcc02e9"
  ims_secret = "p8e-byiApaY2HeYWdhUn1J21BhCnBQu403U2"
}
