terraform {
  required_version = ">= 1.6"
}

locals {
  region = "eu-west-1"
  webflow_api_token = "dab49b6dcee5a01fb382feb8b14950b8a93842308bfeb2346168023e1facb444"
  sanity_api_token = "sk6tE2dxaQxq3xV4MCwJIgEY4X4gE7nvnyADUbeGTD06ChNBbnmAgIbFBnpU7aj3amvvGPNBjU2RAtvR6dNKD1bxsIKEkz6WQkKNROOm91KSMik5pNqxgJc9rTbxDczkHTtazyn4v1pHne8I8zpaeSk7msFRYDbkpQsLic0WTOU2kRi2veLKUv"
}

resource "aws_ssm_parameter" "settings" {
  name  = "/app/settings"
  type  = "String"
  value = local.region
}
