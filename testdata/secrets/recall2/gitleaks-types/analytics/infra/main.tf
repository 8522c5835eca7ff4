terraform {
  required_version = ">= 1.6"
}

locals {
  region = "eu-west-1"
  gh_app_installation_token = "ghs_gk9SOJPjWLUvpH23ptMUggbuhjfjdv3MgCR7"
  gh_user_to_server_token = "ghu_e6Kicpy2eizB8eqYFN9yequcVMwN4b1gYztN"
  twilio_account_sid = "ACac722f1afe49717e6f39ab506b7879dd"
  twilio_auth_token = "77baca6dbd554c9d3c7b3b18819e1fd8"
  google_api_key = "AIza_i_NmBGrRf9BD7whxjaIJmT71afFVJfxI7Y"
  dt_api_token = "dt0c01.8U5T9YYPK2HIE297LRQPZAOL.NN0ZHVMA42IT16L3AIY1QM8LZ7FLK9VX1246GVPD1MFFH3YJNDJM7EU46OT9W00V"
  cf_origin_ca_key = "v1.0-266b2fc11e0c22ff3aebeb24-8117e7b7ee3dde6b45372c8287ce211dd6cb790a899f08ec0eb70224b1fae06df5fecd3f9cbb68d56ef8c49e00590f05c5cd5cda25e076cf86de7e0a49b63f77b9263028f40c7b0cdb"
  ld_api_key = "api-cd3f77cc-0751-4e0d-9f4e-3586fc96656a"
}

resource "aws_ssm_parameter" "settings" {
  name  = "/app/settings"
  type  = "String"
  value = local.region
}
