provider "aws" {
  region = "us-east-1"
}

locals {
  instance_count = 3
  xai_access = "xai-DR6EajKzeuLN9KBZwd9zPVqr7claHtg7DDEzTeaiVP05Gy2CcxBLJS0g31u77X6vYuW3qJv5PGkvIwRA"
  environment = "production"
  highnote_api_key = "sk_live_yjWMiX5Z4vTgdw6JEZOS8PcjKJJ1mc-qhQRJoJzLl_Ec8qjHzpNkDhhJ"
  environment = "production"
  client_auth = "vck_KNpWPkhUmxBg8dcyjEhsHbjcuhpGbvJsCkcPIdLUvWTHj8grdJcWxJaD"
  region = "eu-west-1"
  upstream_auth = "ramp_id_s7IWoSKYRTfrHw9cxpPiiToYCdGL418jJYq87kwu"
  upstream_auth = "ramp_sec_xdhEXC0Q6dTk5r6ahk7WCcjyP9gNNpfsQIQ5Ez12dPMWzdRq"
  virustotal_api_key = "7e8d2a964f7a72cb11300d6461b69bfb5433e88a147e5597aae9df26dca95caa"
  conn = "sgp_OscSAKkXYJxWSjHeghUucHsEVBQUq2ReikDeXLaE4z6M9VmTvzAa34c2OmCYUNTE"
  instance_count = 3
  upstream_auth = "ion_eX84TojcdQce22sMAoGpHjbB5Dt0dQIYr4ml5Nhm1o"
  region = "eu-west-1"
  plivo_auth_id = "MAJ6ZFMFSBIU6VQV5R4X"
  plivo_auth_token = "8dxDWlanMQdGx2K5SEZr1HZGXeZXBOlknjEpsqrS"
}
